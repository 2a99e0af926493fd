package dev.belonging.beam;

import dev.belonging.core.io.ImportMode;
import dev.belonging.core.io.ImportResult;
import dev.belonging.core.io.RejectedRow;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads responses files whole, each with the library's own reader ({@link ResponseCsv} in
 * {@link ImportMode#SKIP_INVALID} mode), into {@linkplain #ROWS rows} and a dead-letter output of
 * {@linkplain #REJECTED rejected lines}: every problem of every rejected row with its file, line and
 * column, and every problem of a file that cannot be used (an empty file, a missing question column, a
 * breakdown attribute that is not a column, a read error) with the line the reader names, or 0. Nothing
 * is dropped silently: each valid row is one element of {@link #ROWS}, each problem one of
 * {@link #REJECTED}.
 *
 * <p>A file is read whole, not split into lines: a quoted cell may hold a newline, and the reader's line
 * numbers are physical lines. Use it after {@code FileIO.match()} and {@code FileIO.readMatches()}:
 * <pre>{@code
 * PCollectionTuple read = pipeline
 *     .apply(FileIO.match().filepattern("surveys/*.csv"))
 *     .apply(FileIO.readMatches())
 *     .apply(ReadResponses.of(factory));
 * PCollection<ResponseRow> rows = read.get(ReadResponses.ROWS);
 * PCollection<RejectedLine> rejected = read.get(ReadResponses.REJECTED);
 * }</pre>
 *
 * <p>This class is immutable.
 */
public final class ReadResponses
    extends PTransform<PCollection<FileIO.ReadableFile>, PCollectionTuple> {

  /** The valid rows. */
  public static final TupleTag<ResponseRow> ROWS = new TupleTag<>("rows") {};

  /** The problems of the rows and files that were not read. */
  public static final TupleTag<RejectedLine> REJECTED = new TupleTag<>("rejected") {};

  private static final long serialVersionUID = 1L;

  /** Makes the analysis: its instrument and breakdown attributes. */
  private final AnalysisFactory factory;
  /** The header of the respondent id column. */
  private final String idColumn;
  /** The cell separator. */
  private final char separator;

  private ReadResponses(AnalysisFactory factory, String idColumn, char separator) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.idColumn = Objects.requireNonNull(idColumn, "idColumn");
    this.separator = ResponseCsv.requireSeparator(separator);
  }

  /**
   * Returns the reader for an analysis's instrument, with the id column {@code respondent}; every other
   * column that is not a question is an attribute.
   *
   * @param factory makes the analysis (its instrument and breakdown attributes)
   * @return the transform
   */
  public static ReadResponses of(AnalysisFactory factory) {
    return new ReadResponses(factory, ResponseCsv.DEFAULT_ID_COLUMN, ',');
  }

  /**
   * Returns a copy that reads respondent ids from another column.
   *
   * @param name the id column's header
   * @return the transform
   */
  public ReadResponses withIdColumn(String name) {
    return new ReadResponses(factory, name, separator);
  }

  /**
   * Returns a copy that reads files whose cells are separated by another character
   * ({@link ResponseCsv#withSeparator(char)}).
   *
   * @param newSeparator {@code ','} (the default), {@code ';'}, {@code '\t'} or {@code '|'}
   * @return the transform
   * @throws IllegalArgumentException for any other character
   */
  public ReadResponses withSeparator(char newSeparator) {
    return new ReadResponses(factory, idColumn, newSeparator);
  }

  @Override
  public PCollectionTuple expand(PCollection<FileIO.ReadableFile> files) {
    PCollectionTuple out = files.apply("Read responses files",
        ParDo.of(new ReadFile(factory, idColumn, separator)).withOutputTags(ROWS, TupleTagList.of(REJECTED)));
    out.get(ROWS).setCoder(ResponseRowCoder.of());
    out.get(REJECTED).setCoder(RejectedLineCoder.of());
    return out;
  }

  /** Reads one file. */
  private static final class ReadFile extends DoFn<FileIO.ReadableFile, ResponseRow> {

    private static final long serialVersionUID = 1L;

    private final AnalysisFactory factory;
    private final String idColumn;
    private final char separator;
    private transient BelongingAnalysis analysis;
    private transient ResponseCsv reader;

    ReadFile(AnalysisFactory factory, String idColumn, char separator) {
      this.factory = factory;
      this.idColumn = idColumn;
      this.separator = separator;
    }

    @Setup
    public void setup() {
      analysis = Analyses.of(factory);
      reader = ResponseCsv.withDefaults(analysis.instrument()).withIdColumn(idColumn)
          .withMode(ImportMode.SKIP_INVALID).withSeparator(separator);
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String name = file.getMetadata().resourceId().toString();
      ImportResult result;
      try (InputStream in = Channels.newInputStream(file.open())) {
        result = reader.read(in, name);
      } catch (InvalidResponsesException e) {
        for (Problem p : e.problems()) {
          out.get(REJECTED).output(rejected(name, p));
        }
        return;
      } catch (IOException e) {
        out.get(REJECTED).output(new RejectedLine(name, 0, "", "the file cannot be read",
            "the file cannot be read: " + e.getMessage()));
        return;
      }
      for (RejectedRow row : result.rejected()) {
        for (Problem p : row.problems()) {
          out.get(REJECTED).output(rejected(name, p));
        }
      }
      ResponseSet set = result.responses();
      boolean complete = true;
      Set<String> attributes = new LinkedHashSet<>();
      analysis.breakdowns().forEach(b -> attributes.addAll(b.attributes()));
      for (String attribute : attributes) {
        if (!set.attributeNames().contains(attribute)) {
          complete = false;
          out.get(REJECTED).output(new RejectedLine(name, 1, attribute,
              "the breakdown attribute is not a column", "the breakdown attribute \"" + attribute
              + "\" is not a column; the attributes are " + set.attributeNames()));
        }
      }
      if (!complete) {
        // no row of the file can be analysed by the breakdowns: say so for each, rather than drop them
        for (int r = 0; r < set.size(); r++) {
          out.get(REJECTED).output(new RejectedLine(name, 0, "", "not analysed: the file lacks a "
              + "breakdown attribute", "respondent row " + (r + 1) + " not analysed: the file lacks a "
              + "breakdown attribute"));
        }
        return;
      }
      for (int r = 0; r < set.size(); r++) {
        out.get(ROWS).output(ResponseRow.of(set, r));
      }
    }

    private static RejectedLine rejected(String file, Problem p) {
      return new RejectedLine(file, p.line(), p.column(), p.message(), p.detail());
    }
  }
}
