package dev.belonging.core.io;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Scale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instruments built in code with the model's factories, equal in content to the shared
 * {@code *.instrument.json} files, and a small one with labels and a comment for example tests.
 */
final class TestInstruments {

  private TestInstruments() {}

  /** Leadership climate (11 items), task significance (3), hostility (5 on 0–4, reversed) of lq2002. */
  static Instrument lq2002() {
    List<Question> questions = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      questions.add(Question.rating(String.format("LEAD%02d", i), "Leadership climate item " + i,
          "leadership"));
    }
    for (int i = 1; i <= 3; i++) {
      questions.add(Question.rating(String.format("TSIG%02d", i), "Task significance item " + i,
          "significance"));
    }
    Scale hostility = Scale.of(0, 4, 3);
    for (int i = 1; i <= 5; i++) {
      questions.add(Question.rating(String.format("HOSTIL%02d", i), "Hostility item " + i, "civility")
          .withReverse(true).withScale(hostility));
    }
    return Instrument.of("lq2002", "1", "Leadership climate, task significance and civility (lq2002)",
        Scale.of(1, 5, 4),
        List.of(Dimension.of("leadership", "Leadership climate"),
            Dimension.of("significance", "Task significance"),
            Dimension.of("civility", "Civility (hostility items, reverse-coded)")),
        questions);
  }

  /** Five 1–4 satisfaction and involvement items of the IBM HR analytics sample. */
  static Instrument attrition() {
    return Instrument.of("attrition", "1", "Satisfaction and involvement (IBM HR analytics sample)",
        Scale.of(1, 4, 3),
        List.of(Dimension.of("satisfaction", "Satisfaction with environment, job and relationships"),
            Dimension.of("engagement", "Involvement and work-life balance")),
        List.of(
            Question.rating("environment", "How satisfied are you with your work environment?",
                "satisfaction"),
            Question.rating("job", "How satisfied are you with your job?", "satisfaction"),
            Question.rating("relationships", "How satisfied are you with your working relationships?",
                "satisfaction"),
            Question.rating("involvement", "How involved are you in your job?", "engagement"),
            Question.rating("balance", "How good is your work-life balance?", "engagement")));
  }

  /**
   * A small pulse survey: {@code q1}, {@code q2} on 1–5 with agreement labels, {@code q3} on 0–4 without
   * labels, and the comment question {@code note}.
   */
  static Instrument pulse() {
    Map<String, Integer> labels = new LinkedHashMap<>();
    labels.put("Strongly disagree", 1);
    labels.put("Disagree", 2);
    labels.put("Neutral", 3);
    labels.put("Agree", 4);
    labels.put("Strongly agree", 5);
    Scale agree = Scale.of(1, 5, 4).withLabels(labels);
    return Instrument.of("pulse", "1", "Pulse", agree,
        List.of(Dimension.of("voice", "Voice"), Dimension.of("calm", "Calm")),
        List.of(
            Question.rating("q1", "I am heard.", "voice"),
            Question.rating("q2", "I can disagree.", "voice"),
            Question.rating("q3", "How calm is your week?", "calm").withScale(Scale.of(0, 4, 3)),
            Question.comment("note", "Anything else?")));
  }
}
