package dev.belonging.core.internal.json;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.QuestionType;
import dev.belonging.core.model.Scale;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Checks {@link ValidReferences} by running {@link Instrument#check} on the definition's parts and
 * turning each {@link Problem} into a violation at the same path. The reference rules are written once,
 * in the model.
 *
 * <p>Parts that are invalid on their own are already reported by their own constraints. So that they do
 * not hide the reference problems of the valid parts, nor cause false ones, the check sees:
 * <ul>
 *   <li>each valid dimension and question as it is;</li>
 *   <li>a dimension with a valid id but an invalid name with a stand-in name (the rules use only ids);</li>
 *   <li>a question whose id, type, dimension and own scale are valid, but which is invalid otherwise (no
 *       text, a comment with a dimension), reduced to those parts;</li>
 *   <li>any other dimension or question as a stand-in that takes part in no rule, keeping every index, so
 *       that paths stay right; a dimension is not reported as empty when a question that names it was
 *       replaced so;</li>
 *   <li>when the default scale is invalid, no scale at all: whether a dimension's questions share one
 *       scale cannot be judged until it is fixed.</li>
 * </ul>
 */
public final class ReferenceRules implements ConstraintValidator<ValidReferences, InstrumentDefinition> {

  /** Starts the ids of stand-ins; no id in a file starts with a NUL character. */
  private static final String STAND_IN = "\u0000";

  /** A stand-in default scale when the real one is invalid (questions then carry no scale). */
  private static final Scale ANY_SCALE = Scale.of(0, 1, 1);

  private static final java.util.regex.Pattern PATH =
      java.util.regex.Pattern.compile("(\\w+)(?:\\[(\\d+)](?:\\.(\\w+))?)?");

  /** Creates the validator; Hibernate Validator calls this. */
  public ReferenceRules() {}

  @Override
  public boolean isValid(InstrumentDefinition instrument, ConstraintValidatorContext context) {
    if (instrument == null || instrument.dimensions() == null || instrument.questions() == null) {
      return true;
    }
    Scale defaultScale = instrument.scale() == null ? null : scaleOrNull(instrument.scale());
    boolean scalesKnown = defaultScale != null;

    List<DimensionDefinition> dimensionDefinitions = instrument.dimensions();
    List<Dimension> dimensions = new ArrayList<>(dimensionDefinitions.size());
    Set<Integer> standInDimensions = new HashSet<>();
    for (int i = 0; i < dimensionDefinitions.size(); i++) {
      DimensionDefinition d = dimensionDefinitions.get(i);
      if (d == null || d.id() == null || d.id().isBlank()) {
        dimensions.add(Dimension.of(STAND_IN + "dimensions[" + i + "]", "-"));
        standInDimensions.add(i);
      } else {
        dimensions.add(Dimension.of(d.id(), d.name() == null || d.name().isBlank() ? "-" : d.name()));
      }
    }

    List<QuestionDefinition> questionDefinitions = instrument.questions();
    List<Question> questions = new ArrayList<>(questionDefinitions.size());
    Set<String> namedByStandIns = new HashSet<>();
    for (int i = 0; i < questionDefinitions.size(); i++) {
      QuestionDefinition q = questionDefinitions.get(i);
      Question view = referenceView(q, scalesKnown);
      if (view == null) {
        questions.add(Question.comment(STAND_IN + "questions[" + i + "]", ""));
        if (q != null && q.dimension() != null) {
          namedByStandIns.add(q.dimension());
        }
      } else {
        questions.add(view);
      }
    }

    Violations violations = new Violations(context);
    for (Problem p : Instrument.check(scalesKnown ? defaultScale : ANY_SCALE, dimensions, questions)) {
      Matcher m = PATH.matcher(p.path());
      if (!m.matches()) {
        violations.atRoot(p.toString());
        continue;
      }
      String list = m.group(1);
      if (m.group(2) == null) {
        violations.at(list, p.detail());
        continue;
      }
      int index = Integer.parseInt(m.group(2));
      if (m.group(3) != null) {
        violations.atElementField(list, index, m.group(3), p.detail());
      } else if (list.equals("dimensions")
          && (standInDimensions.contains(index) || namedByStandIns.contains(dimensions.get(index).id()))) {
        // "has no rating question": not known while a question naming it is invalid
        continue;
      } else {
        violations.atElement(list, index, p.detail());
      }
    }
    return violations.none();
  }

  /** Returns what the reference rules need of a question, or null when that much is not valid. */
  private static Question referenceView(QuestionDefinition q, boolean scalesKnown) {
    if (q == null) {
      return null;
    }
    try {
      Question full = q.toModel();
      return scalesKnown || !full.isRating() ? full : full.withScale(null);
    } catch (IllegalArgumentException | NullPointerException e) {
      // invalid on its own (reported by its own constraints): keep what is valid below
    }
    QuestionType type = q.questionType();
    if (type == null || q.id() == null || q.id().isBlank()) {
      return null;
    }
    if (type == QuestionType.COMMENT) {
      return Question.comment(q.id(), "");
    }
    if (q.dimension() == null || q.dimension().isBlank()) {
      return null;
    }
    Scale own = null;
    if (q.scale() != null) {
      own = scaleOrNull(q.scale());
      if (own == null) {
        return null;
      }
    }
    return Question.rating(q.id(), "", q.dimension()).withScale(scalesKnown ? own : null);
  }

  private static Scale scaleOrNull(ScaleDefinition s) {
    try {
      return s.toModel();
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }
}
