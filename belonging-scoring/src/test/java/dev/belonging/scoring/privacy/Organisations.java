package dev.belonging.scoring.privacy;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.internal.Atoms;
import dev.belonging.scoring.internal.StatisticsLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated small organisations: 2–4 teams of 3–12 people, each remote or in the office and in one of three
 * tenure bands, answering a small instrument. The generators aim at the cases a minimum-size rule gets
 * wrong: a lone remote member of a team, a single small team, a lone newcomer, people who skip a whole
 * dimension, few commenters.
 */
final class Organisations {

  /**
   * Voice (3 items, 1–5: a score needs 2 answers, so some members answer without a score), growth (1 item,
   * 1–5) and an open comment.
   */
  static final Instrument INSTRUMENT = Instrument.of("org", "1", "Organisation", Scale.of(1, 5, 4),
      List.of(Dimension.of("voice", "Voice"), Dimension.of("growth", "Growth")),
      List.of(Question.rating("v1", "I am asked for my view", "voice"),
          Question.rating("v2", "My view counts", "voice"),
          Question.rating("v3", "I speak up", "voice"),
          Question.rating("g1", "I can grow here", "growth"),
          Question.comment("note", "Anything else?")));

  /** The breakdowns of the issue: team, remote, tenure, team*remote, team*tenure. */
  static final List<Breakdown> BREAKDOWNS = List.of(Breakdown.of("team"), Breakdown.of("remote"),
      Breakdown.of("tenure"), Breakdown.parse("team*remote"), Breakdown.parse("team*tenure"));

  static final List<String> TENURES = List.of("new", "mid", "long");

  /** How a team's members split between remote and office. */
  enum Remote { NONE, LONE, PAIR, ALL_BUT_ONE, ALL, HALF }

  /** How a team's members spread over the tenure bands. */
  enum Tenure { SPREAD, LONE_NEWCOMER, ALL_LONG, TWO_BANDS }

  /** Who skips the voice dimension entirely. */
  enum Skip { NOBODY, ONE, TWO, THE_REMOTE }

  /** One team's recipe. */
  record Team(int size, Remote remote, Tenure tenure, Skip skip, long seed) {}

  private Organisations() {}

  /** Teams of 3–12 with the tempting splits. */
  static Gen<Team> teams(int maxSize) {
    // half of the teams are small (3–5), so that teams below k are common
    return Generate.oneOf(integers().between(3, 5), integers().between(3, maxSize))
        .zip(Generate.enumValues(Remote.class),
        Generate.enumValues(Tenure.class), Generate.enumValues(Skip.class), longs().all(), Team::new);
  }

  /** Organisations of 2–4 teams. */
  static Gen<List<Team>> organisations() {
    return lists().of(teams(12)).ofSizeBetween(2, 4);
  }

  /** Organisations with at most 12 non-empty atoms: two teams (2 × 2 × 3 cells at most). */
  static Gen<List<Team>> smallOrganisations() {
    return lists().of(teams(9)).ofSize(2);
  }

  /** The atoms of an organisation's responses: team, remote and tenure, at-least-half scores. */
  static Atoms atoms(ResponseSet set) {
    return Atoms.of(new StatisticsLayout(set.instrument(), MissingPolicy.AT_LEAST_HALF), set,
        List.of("team", "remote", "tenure"));
  }

  /** Builds the responses of an organisation. */
  static ResponseSet responses(List<Team> teams) {
    ResponseSet.Builder b = ResponseSet.builder(INSTRUMENT).attributes(List.of("team", "remote", "tenure"));
    int id = 0;
    for (int t = 0; t < teams.size(); t++) {
      Team team = teams.get(t);
      Random random = new Random(team.seed());
      int n = team.size();
      int remote = switch (team.remote()) {
        case NONE -> 0;
        case LONE -> 1;
        case PAIR -> 2;
        case ALL_BUT_ONE -> n - 1;
        case ALL -> n;
        case HALF -> n / 2;
      };
      int skippers = switch (team.skip()) {
        case NOBODY -> 0;
        case ONE -> 1;
        case TWO -> 2;
        case THE_REMOTE -> remote;
      };
      for (int i = 0; i < n; i++) {
        boolean isRemote = i < remote;
        String tenure = switch (team.tenure()) {
          case SPREAD -> TENURES.get(random.nextInt(3));
          case LONE_NEWCOMER -> i == n - 1 ? "new" : TENURES.get(1 + random.nextInt(2));
          case ALL_LONG -> "long";
          case TWO_BANDS -> i % 2 == 0 ? "mid" : "long";
        };
        // the remote members are the first ones, so THE_REMOTE skippers are exactly them
        boolean skipsVoice = team.skip() == Skip.THE_REMOTE ? isRemote : i >= n - skippers;
        Map<String, Integer> answers = new HashMap<>();
        if (!skipsVoice) {
          answers.put("v1", 1 + random.nextInt(5));
          if (random.nextInt(4) != 0) {
            answers.put("v2", 1 + random.nextInt(5));
          }
          if (random.nextInt(4) != 0) {
            answers.put("v3", 1 + random.nextInt(5));
          }
        }
        if (random.nextInt(5) != 0) {
          answers.put("g1", 1 + random.nextInt(5));
        }
        Map<String, String> comments = random.nextInt(3) != 0 ? Map.of("note", "note " + random.nextInt(4))
            : Map.of();
        b.add(RespondentId.of("p" + id++), Map.of("team", "T" + (t + 1),
            "remote", isRemote ? "remote" : "office", "tenure", tenure), answers, comments);
      }
    }
    return b.build();
  }

  /** Relabels attribute values. */
  static ResponseSet relabel(ResponseSet set, Map<String, Map<String, String>> labels) {
    ResponseSet.Builder b = ResponseSet.builder(set.instrument()).attributes(set.attributeNames());
    for (var r : set) {
      Map<String, String> attributes = new HashMap<>();
      r.respondent().attributes().forEach((name, value) ->
          attributes.put(name, labels.getOrDefault(name, Map.of()).getOrDefault(value, value)));
      b.add(r.respondent().id(), attributes, r.answers(), r.comments());
    }
    return b.build();
  }

  /** The values of the organisation's attributes. */
  static List<String> teamsOf(List<Team> teams) {
    List<String> out = new ArrayList<>();
    for (int t = 0; t < teams.size(); t++) {
      out.add("T" + (t + 1));
    }
    return out;
  }
}
