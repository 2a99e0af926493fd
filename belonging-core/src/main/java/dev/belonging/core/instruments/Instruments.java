package dev.belonging.core.instruments;

import dev.belonging.core.internal.json.InstrumentDefinition;
import dev.belonging.core.internal.json.InstrumentMappers;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.model.Instrument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The instruments that come with the library, ready to use with {@code builtin:NAME} on the command line.
 *
 * <p>All four answer on a five-point agreement scale (1 "Strongly disagree" … 5 "Strongly agree", the
 * labels usable in responses files), favorable from 4. Their items were written for this project, as
 * observable behaviours in the respondent's own team ("In the last month, someone on my team asked for my
 * view before a decision") rather than feelings; no published scale's wording is used. Each rating
 * dimension has at least one reverse-keyed item, so that agreeing with everything does not score as
 * favorable. The constructs they measure come from the literature:
 * <ul>
 *   <li>{@code shkv}, <em>seen, heard, known, valued</em> (15 items; dimensions {@code seen},
 *       {@code heard}, {@code known}, {@code valued}, 3–4 items each): belonging at work as the need to
 *       belong (Baumeister and Leary, 1995, <cite>Psychological Bulletin</cite> 117(3)), sense of
 *       belonging as being valued and fitting in (Hagerty, Lynch-Sauer, Patusky, Bouwsema and Collier,
 *       1992, <cite>Archives of Psychiatric Nursing</cite> 6(3)) and mattering, being noticed and
 *       important to others (Rosenberg and McCullough, 1981, <cite>Research in Community and Mental
 *       Health</cite> 2); voice (heard) after Van Dyne and LePine (1998, <cite>Academy of Management
 *       Journal</cite> 41(1)).</li>
 *   <li>{@code safety}, psychological safety (9 items): team psychological safety as the shared belief
 *       that the team is safe for interpersonal risk taking (Edmondson, 1999, <cite>Administrative
 *       Science Quarterly</cite> 44(2)). Its three behaviours are three dimensions of three items each,
 *       {@code speaking-up}, {@code mistakes} and {@code asking-for-help}, so that a report shows which
 *       behaviour a team lacks; they share one scale and may be read together.</li>
 *   <li>{@code fairness}, procedural fairness (10 items; dimensions {@code promotions},
 *       {@code assignments}, {@code reviews}): procedural justice (Colquitt, 2001, <cite>Journal of
 *       Applied Psychology</cite> 86(3), after Leventhal, 1980, and Thibaut and Walker, 1975): criteria
 *       that are known and applied consistently, voice before the decision, explanation after it, and a
 *       way to have it reviewed.</li>
 *   <li>{@code pulse} (2 questions): one belonging item, {@code pulse-belonging} in dimension
 *       {@code belonging}, for frequent short surveys, and one optional free-text question,
 *       {@code pulse-comment}.</li>
 * </ul>
 * Question ids are {@code <dimension>-<n>} ({@code seen-1}) or {@code <instrument>-<topic>-<n>}
 * ({@code safety-speak-1}); comment question ids end in {@code -comment}. The instruments are JSON
 * resources next to this class, read with the same strict parser as a user file in {@link InstrumentJson}
 * (their constraints are checked by the build's tests, not again at each start), and have not been
 * validated psychometrically: check their reliability on your own data (Cronbach's alpha per dimension)
 * before relying on them.
 *
 * <p>This class is thread-safe; each instrument is read once and then shared (instruments are immutable).
 */
public final class Instruments {

  private static final List<String> NAMES = List.of("shkv", "safety", "fairness", "pulse");

  private static final ConcurrentMap<String, Instrument> LOADED = new ConcurrentHashMap<>();

  private Instruments() {}

  /**
   * Returns the names of the built-in instruments.
   *
   * @return {@code shkv}, {@code safety}, {@code fairness} and {@code pulse}, unmodifiable
   */
  public static List<String> builtin() {
    return NAMES;
  }

  /**
   * Returns a built-in instrument.
   *
   * @param name the name, one of {@link #builtin()}
   * @return the instrument
   * @throws IllegalArgumentException if there is no built-in instrument with that name; the message
   *     lists the names
   */
  public static Instrument builtin(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("no built-in instrument \"" + name + "\"; the built-in instruments are "
          + String.join(", ", NAMES));
    }
    return LOADED.computeIfAbsent(name, Instruments::load);
  }

  /**
   * Reads a bundled instrument with the same strict mapper as user files, but without running Hibernate
   * Validator over it: the bundled files never change after the build, and a test
   * ({@code InstrumentsTest.everyBundledFileIsAValidDefinitionAndReadsAsAUserFileWould}) checks that each
   * passes every constraint and comes out equal to what {@link InstrumentJson#read(InputStream)} gives. This
   * spares {@code builtin:} instruments the validator's start-up, the larger part of reading one in a fresh
   * JVM. The model's own checks ({@link Instrument#of}) still run.
   */
  private static Instrument load(String name) {
    String resource = name + ".json";
    try (InputStream in = Instruments.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the built-in instrument resource " + resource + " is missing");
      }
      return InstrumentMappers.defaults().readValue(in, InstrumentDefinition.class).toModel();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in instrument " + resource, e);
    }
  }
}
