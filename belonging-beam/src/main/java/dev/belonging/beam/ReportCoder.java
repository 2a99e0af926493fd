package dev.belonging.beam;

import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Wave;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.gaps.Comparison;
import dev.belonging.scoring.gaps.DifferenceUnit;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.gaps.GapEstimate;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.reliability.ItemReliability;
import dev.belonging.scoring.reliability.Reliability;
import dev.belonging.scoring.report.CommentSet;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.QuestionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import dev.belonging.scoring.report.SuppressionReason;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * The binary form of a guarded {@link Report}, for the output of {@link AnalyzeResponses}: a version byte
 * ({@value #VERSION}) and every part of the report except the instrument, which the decoder takes from the
 * analysis. Statistics are written as their exact {@code double} bits, so a decoded report
 * {@linkplain Report#equals equals} the encoded one. It holds only what the report publishes (it is
 * written after the guard).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReportCoder extends CustomCoder<Report> {

  /** The version of the binary form. */
  public static final int VERSION = 1;

  private static final long serialVersionUID = 1L;

  /** Makes the analysis whose instrument the reports are of. */
  private final AnalysisFactory factory;
  private transient BelongingAnalysis analysis;

  private ReportCoder(AnalysisFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * Returns the coder of the reports of an analysis.
   *
   * @param factory makes the analysis (its instrument is the reports')
   * @return the coder
   */
  public static ReportCoder of(AnalysisFactory factory) {
    return new ReportCoder(factory);
  }

  private BelongingAnalysis analysis() {
    if (analysis == null) {
      analysis = Analyses.of(factory);
    }
    return analysis;
  }

  @Override
  public void encode(Report report, OutputStream outStream) throws IOException {
    if (!report.instrument().equals(analysis().instrument())) {
      throw new CoderException("the report is of instrument \"" + report.instrument().id()
          + "\", not of the coder's \"" + analysis().instrument().id() + "\"");
    }
    DataOutputStream out = new DataOutputStream(outStream);
    out.writeByte(VERSION);
    Binary.writeString(out, report.wave().label());
    Binary.writeString(out, report.wave().date().map(LocalDate::toString).orElse(""));
    out.writeInt(report.policy().minGroupSize());
    out.writeInt(report.policy().commentThreshold());
    out.writeInt(report.breakdowns().size());
    for (Breakdown b : report.breakdowns()) {
      writeStrings(out, b.attributes());
    }
    out.writeLong(report.respondents());
    out.writeInt(report.rejected().size());
    for (Problem p : report.rejected()) {
      out.writeLong(p.line());
      Binary.writeString(out, p.column());
      Binary.writeString(out, p.path());
      Binary.writeString(out, p.message());
      Binary.writeString(out, p.detail());
    }
    out.writeInt(report.reliability().size());
    for (Reliability r : report.reliability()) {
      Binary.writeString(out, r.dimensionId());
      out.writeInt(r.items());
      out.writeLong(r.respondents());
      writeStatistic(out, r.alpha());
      out.writeInt(r.itemStatistics().size());
      for (ItemReliability i : r.itemStatistics()) {
        Binary.writeString(out, i.questionId());
        writeStatistic(out, i.alphaIfDeleted());
        writeStatistic(out, i.itemRestCorrelation());
      }
    }
    out.writeInt(report.segments().size());
    for (SegmentResult s : report.segments()) {
      writeSegment(out, s.segment());
      if (s instanceof SuppressedSegment x) {
        out.writeBoolean(false);
        Binary.writeString(out, x.reasonCode().name());
        Binary.writeString(out, x.reason());
      } else {
        ShownSegment x = (ShownSegment) s;
        out.writeBoolean(true);
        out.writeLong(x.respondents());
        out.writeInt(x.dimensions().size());
        for (Map.Entry<String, DimensionResult> d : x.dimensions().entrySet()) {
          Binary.writeString(out, d.getKey());
          out.writeLong(d.getValue().respondents());
          out.writeInt(d.getValue().statistics().size());
          for (Map.Entry<String, Statistic> st : d.getValue().statistics().entrySet()) {
            Binary.writeString(out, st.getKey());
            writeStatistic(out, st.getValue());
          }
        }
        out.writeInt(x.questions().size());
        for (Map.Entry<String, QuestionResult> q : x.questions().entrySet()) {
          Binary.writeString(out, q.getKey());
          out.writeLong(q.getValue().respondents());
          writeStatistic(out, q.getValue().mean());
          writeStatistic(out, q.getValue().favorable());
        }
      }
    }
    out.writeInt(report.comments().size());
    for (CommentSet c : report.comments()) {
      writeSegment(out, c.segment());
      Binary.writeString(out, c.question());
      writeStrings(out, c.texts());
    }
    out.writeInt(report.gaps().size());
    for (Gap g : report.gaps()) {
      writeSegment(out, g.segment());
      Binary.writeString(out, g.dimension());
      Binary.writeString(out, g.comparison().name());
      out.writeBoolean(g.reference().isPresent());
      if (g.reference().isPresent()) {
        writeSegment(out, g.reference().get());
      }
      Binary.writeString(out, g.detector());
      Binary.writeString(out, g.effectSizeType());
      Binary.writeString(out, g.differenceUnit().name());
      GapEstimate e = g.estimate();
      for (Statistic s : List.of(e.difference(), e.effectSize(), e.ciLow(), e.ciHigh(), e.pValue(),
          g.qValue())) {
        writeStatistic(out, s);
      }
      out.writeBoolean(g.flagged());
    }
    out.flush();
  }

  @Override
  public Report decode(InputStream inStream) throws IOException {
    DataInputStream in = Binary.versioned(inStream, "report", VERSION);
    try {
      return read(in);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new CoderException("the bytes are not a report of this coder: " + e.getMessage(), e);
    }
  }

  private Report read(DataInputStream in) throws IOException {
    Report.Builder b = Report.builder(analysis().instrument());
    String label = Binary.readString(in);
    String date = Binary.readString(in);
    b.wave(date.isEmpty() ? Wave.of(label) : Wave.of(label, LocalDate.parse(date)));
    b.policy(AnonymityPolicy.withDefaults().withMinGroupSize(in.readInt()).withCommentThreshold(in.readInt()));
    List<Breakdown> breakdowns = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      breakdowns.add(new Breakdown(readStrings(in)));
    }
    b.breakdowns(breakdowns);
    b.respondents(in.readLong());
    List<Problem> rejected = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      long line = in.readLong();
      String column = Binary.readString(in);
      String path = Binary.readString(in);
      String message = Binary.readString(in);
      String detail = Binary.readString(in);
      rejected.add(path.isEmpty() ? Problem.ofCell(line, column, message, detail)
          : line == 0 && column.isEmpty() ? Problem.ofPath(path, message)
          : Problem.ofPosition(line, column.isEmpty() ? 0 : Long.parseLong(column), path, message));
    }
    b.rejected(rejected);
    List<Reliability> reliability = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      String dimension = Binary.readString(in);
      int items = in.readInt();
      long respondents = in.readLong();
      Statistic alpha = readStatistic(in);
      List<ItemReliability> itemStatistics = new ArrayList<>();
      for (int j = count(in); j > 0; j--) {
        itemStatistics.add(new ItemReliability(Binary.readString(in), readStatistic(in), readStatistic(in)));
      }
      reliability.add(new Reliability(dimension, items, respondents, alpha, itemStatistics));
    }
    b.reliability(reliability);
    List<SegmentResult> segments = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      Segment segment = readSegment(in);
      if (!in.readBoolean()) {
        segments.add(new SuppressedSegment(segment, SuppressionReason.valueOf(Binary.readString(in)),
            Binary.readString(in)));
        continue;
      }
      long respondents = in.readLong();
      Map<String, DimensionResult> dimensions = new LinkedHashMap<>();
      for (int j = count(in); j > 0; j--) {
        String id = Binary.readString(in);
        long n = in.readLong();
        Map<String, Statistic> statistics = new LinkedHashMap<>();
        for (int k = count(in); k > 0; k--) {
          statistics.put(Binary.readString(in), readStatistic(in));
        }
        dimensions.put(id, new DimensionResult(n, statistics));
      }
      Map<String, QuestionResult> questions = new LinkedHashMap<>();
      for (int j = count(in); j > 0; j--) {
        questions.put(Binary.readString(in),
            new QuestionResult(in.readLong(), readStatistic(in), readStatistic(in)));
      }
      segments.add(new ShownSegment(segment, respondents, dimensions, questions));
    }
    b.segments(segments);
    List<CommentSet> comments = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      comments.add(new CommentSet(readSegment(in), Binary.readString(in), readStrings(in)));
    }
    b.comments(comments);
    List<Gap> gaps = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      Segment segment = readSegment(in);
      String dimension = Binary.readString(in);
      Comparison comparison = Comparison.valueOf(Binary.readString(in));
      Optional<Segment> reference = in.readBoolean() ? Optional.of(readSegment(in)) : Optional.empty();
      String detector = Binary.readString(in);
      String effectSizeType = Binary.readString(in);
      DifferenceUnit unit = DifferenceUnit.valueOf(Binary.readString(in));
      GapEstimate estimate = new GapEstimate(readStatistic(in), readStatistic(in), readStatistic(in),
          readStatistic(in), readStatistic(in));
      gaps.add(new Gap(segment, dimension, comparison, reference, detector, effectSizeType, unit, estimate,
          readStatistic(in), in.readBoolean()));
    }
    b.gaps(gaps);
    return b.build();
  }

  private static int count(DataInputStream in) throws IOException {
    return Binary.count(in.readInt());
  }

  private static void writeStatistic(DataOutputStream out, Statistic s) throws IOException {
    out.writeBoolean(s.isDefined());
    if (s.isDefined()) {
      out.writeLong(Double.doubleToRawLongBits(s.value()));
    } else {
      Binary.writeString(out, s.reason());
    }
  }

  private static Statistic readStatistic(DataInputStream in) throws IOException {
    return in.readBoolean() ? Statistic.of(Double.longBitsToDouble(in.readLong()))
        : Statistic.undefined(Binary.readString(in));
  }

  private static void writeSegment(DataOutputStream out, Segment segment) throws IOException {
    out.writeInt(segment.attributes().size());
    for (Map.Entry<String, String> e : segment.attributes().entrySet()) {
      Binary.writeString(out, e.getKey());
      Binary.writeString(out, e.getValue());
    }
  }

  private static Segment readSegment(DataInputStream in) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = count(in); i > 0; i--) {
      values.put(Binary.readString(in), Binary.readString(in));
    }
    return values.isEmpty() ? Segment.population() : Segment.of(values);
  }

  private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      Binary.writeString(out, s);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    List<String> list = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      list.add(Binary.readString(in));
    }
    return list;
  }

  /**
   * Not deterministic in Beam's sense: a report is an output, never a key; its maps are written in their
   * own order.
   *
   * @throws NonDeterministicException always
   */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "a report is an output, not a key");
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }
}
