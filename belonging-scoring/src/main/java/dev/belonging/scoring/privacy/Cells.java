package dev.belonging.scoring.privacy;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.internal.ArrayMap;
import dev.belonging.scoring.internal.Atoms;
import dev.belonging.scoring.internal.CountKeys;
import dev.belonging.scoring.internal.LongIntMap;
import dev.belonging.scoring.internal.ScoringPass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Segments as sets of atoms: the projection of the atoms onto a breakdown's attributes. */
final class Cells {

  private Cells() {}

  /**
   * A segment, its atoms and its contributors to each figure.
   *
   * @param segment the segment
   * @param breakdown the index of its breakdown (-1 for the population)
   * @param atoms its atoms, sorted
   * @param counts its contributors per figure (numbered as in {@link Atoms})
   */
  record Cell(Segment segment, int breakdown, int[] atoms, long[] counts) {

    int level() {
      return segment.attributes().size();
    }

    long contributors(int figure) {
      return counts[figure];
    }

  }

  /**
   * Returns the population: every atom.
   *
   * @param atoms the atoms
   * @return the cell
   */
  static Cell population(Atoms atoms) {
    int[] all = new int[atoms.size()];
    for (int a = 0; a < all.length; a++) {
      all[a] = a;
    }
    long[] counts = new long[atoms.figures()];
    for (int f = 0; f < counts.length; f++) {
      counts[f] = atoms.total(f); // every atom's contributors
    }
    return new Cell(Segment.population(), -1, all, counts);
  }

  /**
   * Returns the non-empty segments of each breakdown, as {@link #of(Atoms, List, int)} gives them, with
   * their contributors added up from the cells of a few {@linkplain CountKeys count keys} (joined up to
   * {@link ScoringPass#JOINED_COMBINATIONS} combinations of values) rather than from the atoms breakdown by
   * breakdown: the same integers, for a fraction of the additions when breakdowns nest or are small. Keys,
   * then breakdowns, are computed in parallel on the common fork-join pool; the result does not depend on it.
   *
   * @param atoms the atoms
   * @param breakdowns each breakdown's attributes, each among the atoms' attributes
   * @return per breakdown (its index in the list), its cells
   */
  static List<List<Cell>> ofAll(Atoms atoms, List<List<String>> breakdowns) {
    List<List<String>> keys = CountKeys.of(breakdowns,
        name -> atoms.attributes().get(indexes(atoms, List.of(name))[0]).cardinality(),
        ScoringPass.JOINED_COMBINATIONS);
    List<KeyCells> keyCells = IntStream.range(0, keys.size()).parallel()
        .mapToObj(k -> KeyCells.of(atoms, keys.get(k))).toList();
    return IntStream.range(0, breakdowns.size()).parallel().mapToObj(b -> {
      List<String> names = breakdowns.get(b);
      KeyCells source = null;
      for (int k = 0; k < keys.size(); k++) {
        if (keys.get(k).containsAll(names)
            && (source == null || keyCells.get(k).cellCount < source.cellCount)) {
          source = keyCells.get(k);
        }
      }
      return of(atoms, names, b, source);
    }).toList();
  }

  /** A count key's cells: each atom's cell, each cell's first atom and its contributors per figure. */
  private record KeyCells(int cellCount, int[] firstAtom, long[][] counts) {

    static KeyCells of(Atoms atoms, List<String> names) {
      int n = atoms.size();
      int[] cellOf = new int[n];
      int cellCount = number(atoms, indexes(atoms, names), cellOf);
      int[] first = new int[cellCount];
      Arrays.fill(first, -1);
      for (int a = n - 1; a >= 0; a--) {
        first[cellOf[a]] = a;
      }
      return new KeyCells(cellCount, first, contributors(atoms, cellOf, cellCount));
    }
  }

  /**
   * Returns the non-empty segments of a breakdown, sorted by their values (compared as text, attribute by
   * attribute).
   *
   * @param atoms the atoms
   * @param names the breakdown's attributes, each among the atoms' attributes
   * @param breakdown the breakdown's index
   * @return the cells
   */
  static List<Cell> of(Atoms atoms, List<String> names, int breakdown) {
    return of(atoms, names, breakdown, null);
  }

  /** The cells of a breakdown, their contributors added up from a key's cells that hold it, or the atoms'. */
  private static List<Cell> of(Atoms atoms, List<String> names, int breakdown, KeyCells key) {
    int[] index = indexes(atoms, names);
    // dense cell ids in order of first atom, then the atoms of each cell by a counting sort; each loop over
    // the atoms is a method of its own, which the JIT compiles apart from the others
    int n = atoms.size();
    int[] cellOf = new int[n];
    int cellCount = number(atoms, index, cellOf);
    int[] start = starts(cellOf, cellCount);
    int[] sorted = byCell(cellOf, start, cellCount);
    long[][] counts = key == null ? contributors(atoms, cellOf, cellCount) : addUp(key, cellOf, cellCount);
    List<Cell> cells = new ArrayList<>(cellCount);
    ArrayMap.Keys keys = ArrayMap.Keys.of(names);
    String[] values = new String[index.length];
    for (int c = 0; c < cellCount; c++) {
      int[] list = Arrays.copyOfRange(sorted, start[c], start[c + 1]);
      for (int i = 0; i < index.length; i++) {
        values[i] = atoms.value(list[0], index[i]);
      }
      cells.add(new Cell(Segment.of(ArrayMap.of(keys, Arrays.asList(values))), breakdown, list, counts[c]));
    }
    cells.sort((x, y) -> compareValues(x.segment(), y.segment()));
    return cells;
  }

  /** Numbers each atom's cell, in order of first atom; returns the number of cells. */
  private static int number(Atoms atoms, int[] index, int[] cellOf) {
    long[] radix = new long[index.length];
    for (int i = 0; i < index.length; i++) {
      radix[i] = Math.max(1, atoms.attributes().get(index[i]).cardinality());
    }
    try {
      return numberByKey(atoms, index, radix, cellOf);
    } catch (ArithmeticException tooManyCombinations) {
      return numberByValues(atoms, index, cellOf);
    }
  }

  /** Each cell's contributors as the sum of the key's cells within it (a key cell lies in one cell). */
  private static long[][] addUp(KeyCells key, int[] cellOf, int cellCount) {
    long[][] counts = new long[cellCount][];
    for (int k = 0; k < key.cellCount(); k++) {
      int c = cellOf[key.firstAtom()[k]];
      long[] source = key.counts()[k];
      if (counts[c] == null) {
        counts[c] = source.clone();
      } else {
        long[] target = counts[c];
        for (int f = 0; f < target.length; f++) {
          target[f] += source[f];
        }
      }
    }
    return counts;
  }

  /** Numbers each atom's cell by its mixed-radix key; throws ArithmeticException if keys overflow a long. */
  private static int numberByKey(Atoms atoms, int[] index, long[] radix, int[] cellOf) {
    long combinations = 1;
    for (long r : radix) {
      combinations = Math.multiplyExact(combinations, r);
    }
    LongIntMap ids = new LongIntMap(combinations);
    for (int a = 0; a < cellOf.length; a++) {
      long key = 0; // below the combinations, which fit a long
      for (int i = 0; i < index.length; i++) {
        key = key * radix[i] + atoms.code(a, index[i]);
      }
      cellOf[a] = ids.idOf(key);
    }
    return ids.size();
  }

  /** Numbers each atom's cell by its list of codes, for attributes with too many combinations for a key. */
  private static int numberByValues(Atoms atoms, int[] index, int[] cellOf) {
    Map<List<Integer>, Integer> ids = new HashMap<>();
    for (int a = 0; a < cellOf.length; a++) {
      List<Integer> key = new ArrayList<>(index.length);
      for (int i : index) {
        key.add(atoms.code(a, i));
      }
      cellOf[a] = ids.computeIfAbsent(key, k -> ids.size());
    }
    return ids.size();
  }

  /** Where each cell's atoms start in the atoms sorted by cell (and, last, their number). */
  private static int[] starts(int[] cellOf, int cellCount) {
    int[] start = new int[cellCount + 1];
    for (int c : cellOf) {
      start[c + 1]++;
    }
    for (int c = 0; c < cellCount; c++) {
      start[c + 1] += start[c];
    }
    return start;
  }

  /** The atoms sorted by cell, in atom order within each cell. */
  private static int[] byCell(int[] cellOf, int[] start, int cellCount) {
    int[] sorted = new int[cellOf.length];
    int[] next = Arrays.copyOf(start, cellCount);
    for (int a = 0; a < cellOf.length; a++) {
      sorted[next[cellOf[a]]++] = a;
    }
    return sorted;
  }

  /** Each cell's contributors per figure: figure by figure, in atom order, one running sum per cell. */
  private static long[][] contributors(Atoms atoms, int[] cellOf, int cellCount) {
    long[][] counts = new long[cellCount][atoms.figures()];
    long[] sums = new long[cellCount];
    for (int f = 0; f < atoms.figures(); f++) {
      Arrays.fill(sums, 0);
      atoms.addContributors(f, cellOf, sums);
      for (int c = 0; c < cellCount; c++) {
        counts[c][f] = sums[c];
      }
    }
    return counts;
  }

  /**
   * Returns the atoms of a segment (none when it names a value no respondent has).
   *
   * @param atoms the atoms
   * @param segment the segment, whose attributes are among the atoms' attributes
   * @return the atoms, sorted
   */
  static int[] atomsOf(Atoms atoms, Segment segment) {
    List<String> names = List.copyOf(segment.attributes().keySet());
    int[] index = indexes(atoms, names);
    int[] codes = new int[index.length];
    for (int i = 0; i < index.length; i++) {
      codes[i] = atoms.attributes().get(index[i]).codeOf(segment.attributes().get(names.get(i)));
      if (codes[i] < 0) {
        return new int[0];
      }
    }
    int[] out = new int[atoms.size()];
    int n = 0;
    for (int a = 0; a < atoms.size(); a++) {
      boolean member = true;
      for (int i = 0; i < index.length && member; i++) {
        member = atoms.code(a, index[i]) == codes[i];
      }
      if (member) {
        out[n++] = a;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Returns the atoms of each segment, as {@link #atomsOf(Atoms, Segment)} does for one, with one pass over
   * the atoms per set of attributes the segments fix rather than one per segment: an audit of a report of
   * 29,000 segments spent nine tenths of its time finding their atoms one at a time.
   *
   * @param atoms the atoms
   * @param segments the segments, whose attributes are among the atoms' attributes
   * @return segment → its atoms, sorted
   */
  static Map<Segment, int[]> atomsOf(Atoms atoms, Collection<Segment> segments) {
    Map<List<String>, List<Segment>> byNames = new LinkedHashMap<>();
    for (Segment s : segments) {
      byNames.computeIfAbsent(List.copyOf(s.attributes().keySet()), k -> new ArrayList<>()).add(s);
    }
    Map<Segment, int[]> out = new HashMap<>();
    byNames.forEach((names, list) -> {
      int[] index = indexes(atoms, names);
      long[] radix = new long[index.length];
      try {
        long product = 1;
        for (int i = 0; i < index.length; i++) {
          radix[i] = Math.max(1, atoms.attributes().get(index[i]).cardinality());
          product = Math.multiplyExact(product, radix[i]);
        }
      } catch (ArithmeticException tooManyCombinations) {
        list.forEach(s -> out.put(s, atomsOf(atoms, s)));
        return;
      }
      // each segment's combined code of its values; a value no respondent has makes it empty
      Map<Long, Integer> slotOf = new HashMap<>();
      List<Segment> slotted = new ArrayList<>();
      for (Segment s : list) {
        long key = 0;
        for (int i = 0; i < index.length && key >= 0; i++) {
          int code = atoms.attributes().get(index[i]).codeOf(s.attributes().get(names.get(i)));
          key = code < 0 ? -1 : key * radix[i] + code;
        }
        if (key < 0) {
          out.put(s, new int[0]);
        } else if (slotOf.putIfAbsent(key, slotted.size()) == null) {
          slotted.add(s);
        }
      }
      int[][] members = new int[slotted.size()][4];
      int[] count = new int[slotted.size()];
      for (int a = 0; a < atoms.size(); a++) {
        long key = 0;
        for (int i = 0; i < index.length; i++) {
          key = key * radix[i] + atoms.code(a, index[i]);
        }
        Integer slot = slotOf.get(key);
        if (slot != null) {
          if (count[slot] == members[slot].length) {
            members[slot] = Arrays.copyOf(members[slot], 2 * count[slot]);
          }
          members[slot][count[slot]++] = a;
        }
      }
      for (int j = 0; j < slotted.size(); j++) {
        out.put(slotted.get(j), Arrays.copyOf(members[j], count[j]));
      }
    });
    return out;
  }

  /**
   * Returns an atom as a segment over every attribute.
   *
   * @param atoms the atoms
   * @param atom the atom
   * @return the segment
   */
  static Segment atom(Atoms atoms, int atom) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < atoms.attributes().size(); i++) {
      values.put(atoms.attributes().get(i).name(), atoms.value(atom, i));
    }
    return Segment.of(values);
  }

  /** Compares segments by their values as text, attribute by attribute, then by number of attributes. */
  static int compareValues(Segment a, Segment b) {
    List<String> x = List.copyOf(a.attributes().values());
    List<String> y = List.copyOf(b.attributes().values());
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = x.get(i).compareTo(y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static int[] indexes(Atoms atoms, List<String> names) {
    int[] index = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      index[i] = -1;
      for (int j = 0; j < atoms.attributes().size(); j++) {
        if (atoms.attributes().get(j).name().equals(names.get(i))) {
          index[i] = j;
        }
      }
      if (index[i] < 0) {
        throw new IllegalArgumentException("unknown attribute \"" + names.get(i) + "\"");
      }
    }
    return index;
  }

}
