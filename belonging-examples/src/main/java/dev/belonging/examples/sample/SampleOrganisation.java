package dev.belonging.examples.sample;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.ValueOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A synthetic organisation that answers any instrument realistically, for examples, demos and benchmarks.
 *
 * <p>Respondents belong to teams of uneven size (some smaller than the usual k = 5, so that suppression
 * shows), tenure bands and work locations (office, remote, frontline). Each respondent has a latent
 * belonging level per dimension: an organisation-wide level, plus a team effect, plus a location effect
 * (remote staff are seen and known less, frontline staff are heard less), plus a newcomer effect, plus
 * individual noise. Each answer is the latent level plus item noise, rounded onto the scale (mirrored for
 * reverse-keyed items); a few answers are missing. Comment questions get a short text from a fixed list now
 * and then.
 *
 * <p>Later waves ({@link #inWave(int)}) survey the same teams, with the same team sizes and effects, but
 * other people (answers are anonymous, so nothing links the waves) and a small organisation-wide drift of
 * +0.05 latent points per wave. A pilot ({@link #withPilot(String, double)}) raises one team's latent level
 * in every dimension from wave 2 on, so that a trend analysis has a true effect to find.
 *
 * <p>The same seed, wave and pilot always give the same responses. This class is immutable and thread-safe.
 */
public final class SampleOrganisation {

  /** The seed of the bundled sample. */
  public static final long DEFAULT_SEED = 2026L;

  /** The team that ran the pilot in the bundled second wave. */
  public static final String PILOT_TEAM = "T17";

  /** The pilot's effect in the bundled second wave, in latent points (one point is a quarter of a scale). */
  public static final double PILOT_EFFECT = 0.6;

  private static final String[] LOCATIONS = {"office", "remote", "frontline"};
  private static final String[] TENURES = {"<1y", "1-3y", "3-5y", "5y+"};
  private static final String[] COMMENTS = {
      "More time with my manager would help.",
      "Meetings leave little room for quieter voices.",
      "I feel part of the team since the new rota.",
      "Decisions arrive without explanation.",
      "The buddy scheme made my first month easier.",
      "Remote colleagues are often forgotten in planning."};

  private final int respondents;
  private final long seed;
  private final int wave;
  private final String pilotTeam;
  private final double pilotEffect;

  private SampleOrganisation(int respondents, long seed, int wave, String pilotTeam, double pilotEffect) {
    if (respondents < 0) {
      throw new IllegalArgumentException("respondents must not be negative: " + respondents);
    }
    if (wave < 1) {
      throw new IllegalArgumentException("waves are numbered from 1: " + wave);
    }
    if (!Double.isFinite(pilotEffect)) {
      throw new IllegalArgumentException("the pilot's effect must be finite: " + pilotEffect);
    }
    this.respondents = respondents;
    this.seed = seed;
    this.wave = wave;
    this.pilotTeam = pilotTeam;
    this.pilotEffect = pilotEffect;
  }

  /**
   * Returns an organisation.
   *
   * @param respondents how many respondents to generate, at least 0
   * @param seed the random seed
   * @return the organisation
   */
  public static SampleOrganisation of(int respondents, long seed) {
    return new SampleOrganisation(respondents, seed, 1, null, 0);
  }

  /**
   * Returns the same organisation surveyed in another wave: the same teams, other people.
   *
   * @param newWave the wave, 1 for the first
   * @return the organisation in that wave
   * @throws IllegalArgumentException if the wave is below 1
   */
  public SampleOrganisation inWave(int newWave) {
    return new SampleOrganisation(respondents, seed, newWave, pilotTeam, pilotEffect);
  }

  /**
   * Returns a copy in which one team runs a pilot that raises its latent level in every dimension from wave
   * 2 on.
   *
   * @param team the team, e.g. {@code T17}
   * @param effect the rise in latent points (one point is a quarter of the scale's range), finite
   * @return the organisation
   * @throws IllegalArgumentException if the effect is not finite
   */
  public SampleOrganisation withPilot(String team, double effect) {
    return new SampleOrganisation(respondents, seed, wave, Objects.requireNonNull(team, "team"), effect);
  }

  /**
   * Returns the attribute names every generated set has, in column order.
   *
   * @return {@code team}, {@code tenure}, {@code location}
   */
  public static List<String> attributes() {
    return List.of("team", "tenure", "location");
  }

  /**
   * Returns the order in which a report should list the generated attributes' values: the tenure bands from
   * the newest to the longest-serving ({@code <1y}, {@code 1-3y}, {@code 3-5y}, {@code 5y+}), which no
   * order of their text gives, and the teams and locations in natural order.
   *
   * @return the order
   */
  public static ValueOrder valueOrder() {
    return ValueOrder.natural().withValues("tenure", List.of(TENURES));
  }

  /**
   * Generates responses to an instrument.
   *
   * @param instrument the instrument to answer
   * @return the responses, ids {@code r0001}, {@code r0002}…
   */
  public ResponseSet responses(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    SplittableRandom random = new SplittableRandom(seed);
    List<Dimension> dims = instrument.dimensions();
    // team sizes: mostly 8-30, every fifth team tiny
    List<String> teamOfSlot = new ArrayList<>();
    Map<String, double[]> teamEffect = new LinkedHashMap<>();
    int team = 0;
    while (teamOfSlot.size() < respondents) {
      team++;
      String name = String.format("T%02d", team);
      int size = team % 5 == 0 ? 2 + random.nextInt(3) : 8 + random.nextInt(23);
      double[] effect = new double[dims.size()];
      double shared = random.nextGaussian() * 0.35;
      for (int d = 0; d < effect.length; d++) {
        effect[d] = shared + random.nextGaussian() * 0.15;
      }
      teamEffect.put(name, effect);
      for (int i = 0; i < size && teamOfSlot.size() < respondents; i++) {
        teamOfSlot.add(name);
      }
    }
    if (wave > 1) {
      // the same teams, other people: a stream of its own per wave
      random = new SplittableRandom(seed * 31 + wave);
    }
    double shift = 0.05 * (wave - 1);
    ResponseSet.Builder b = ResponseSet.builder(instrument).attributes(attributes());
    int width = Math.max(4, Integer.toString(respondents).length());
    for (int i = 0; i < respondents; i++) {
      String teamName = teamOfSlot.get(i);
      String location = LOCATIONS[pick(random, 0.55, 0.30)];
      String tenure = TENURES[pick(random, 0.20, 0.35, 0.20)];
      Map<String, Integer> answers = new HashMap<>();
      Map<String, String> comments = new HashMap<>();
      double person = random.nextGaussian() * 0.45 + shift
          + (wave > 1 && teamName.equals(pilotTeam) ? pilotEffect : 0);
      for (int d = 0; d < dims.size(); d++) {
        String dim = dims.get(d).id();
        Scale scale = instrument.scaleOfDimension(dim);
        double level = 0.35 + teamEffect.get(teamName)[d] + person + locationEffect(dim, location)
            + (tenure.equals("<1y") ? -0.15 : 0) + random.nextGaussian() * 0.2;
        double mid = (scale.min() + scale.max()) / 2.0;
        double spread = (scale.max() - scale.min()) / 4.0;
        for (Question q : instrument.questionsOf(dim)) {
          if (random.nextDouble() < 0.03) {
            continue;
          }
          double x = mid + spread * (level + random.nextGaussian() * 0.55);
          int coded = (int) Math.max(scale.min(), Math.min(scale.max(), Math.round(x)));
          answers.put(q.id(), q.isReverse() ? scale.reverse(coded) : coded);
        }
      }
      for (Question q : instrument.questions()) {
        if (!q.isRating() && random.nextDouble() < 0.35) {
          comments.put(q.id(), COMMENTS[random.nextInt(COMMENTS.length)]);
        }
      }
      b.add(RespondentId.of(String.format("r%0" + width + "d", i + 1)),
          Map.of("team", teamName, "tenure", tenure, "location", location), answers, comments);
    }
    return b.build();
  }

  private static double locationEffect(String dimension, String location) {
    return switch (location) {
      case "remote" -> dimension.contains("seen") || dimension.contains("known") ? -0.45 : -0.1;
      case "frontline" -> dimension.contains("heard") || dimension.contains("voice") ? -0.5 : -0.15;
      default -> 0;
    };
  }

  /** Picks index 0..p.length with the given probabilities for the first p.length indexes. */
  private static int pick(SplittableRandom random, double... p) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < p.length; i++) {
      cumulative += p[i];
      if (u < cumulative) {
        return i;
      }
    }
    return p.length;
  }

  @Override
  public String toString() {
    return "SampleOrganisation[" + respondents + " respondents, seed " + seed + ", wave " + wave
        + (pilotTeam == null ? "" : ", pilot " + pilotTeam + " " + pilotEffect) + "]";
  }
}
