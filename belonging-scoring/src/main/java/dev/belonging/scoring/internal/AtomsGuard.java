package dev.belonging.scoring.internal;

import dev.belonging.core.model.Instrument;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.privacy.Disclosure;
import dev.belonging.scoring.privacy.DisclosureGuard;
import java.util.List;
import java.util.Objects;

/**
 * Hands the guard atoms an analysis has already counted, so that the in-memory analysis does not turn
 * them into the public form ({@code Map<Segment, long[]>}) and back. The guard's public methods name no
 * internal type; it registers this entry point when its class is initialised, which has happened once a
 * {@link DisclosureGuard} exists.
 */
public final class AtomsGuard {

  /** The guard's decision on atoms. */
  @FunctionalInterface
  public interface Entry {

    /**
     * Decides what a report may publish.
     *
     * @param guard the guard (policy and missing-answer policy)
     * @param instrument the instrument
     * @param atoms the atoms of every attribute of the breakdowns, in their order of first naming
     * @param breakdowns the breakdowns, distinct
     * @return the decisions
     */
    Disclosure guard(DisclosureGuard guard, Instrument instrument, Atoms atoms, List<Breakdown> breakdowns);
  }

  private static volatile Entry entry;

  private AtomsGuard() {}

  /**
   * Registers the guard's entry point (called once, by the guard).
   *
   * @param e the entry point
   */
  public static void register(Entry e) {
    entry = Objects.requireNonNull(e, "entry");
  }

  /**
   * Decides what a report may publish from atoms.
   *
   * @param guard the guard
   * @param instrument the instrument
   * @param atoms the atoms
   * @param breakdowns the breakdowns
   * @return the decisions
   */
  public static Disclosure guard(DisclosureGuard guard, Instrument instrument, Atoms atoms,
      List<Breakdown> breakdowns) {
    Objects.requireNonNull(guard, "guard"); // an instance exists, so the guard has registered
    return entry.guard(guard, instrument, atoms, breakdowns);
  }
}
