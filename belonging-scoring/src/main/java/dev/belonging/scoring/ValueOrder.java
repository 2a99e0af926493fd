package dev.belonging.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The order in which a report lists each breakdown's segments: by their attribute values, attribute by
 * attribute in the breakdown's order.
 *
 * <p>Values are compared in <em>natural</em> order by default: as text, except that runs of the digits
 * {@code 0}–{@code 9} compare as whole numbers, so {@code Team 2} comes before {@code Team 10} and {@code 2-5
 * years} before {@code 10+ years}. Numbers equal but for leading zeros ({@code T2}, {@code T02}) are then
 * told apart as plain text ({@link String#compareTo}), so that the order is total and consistent with
 * {@code equals}. Categories whose order text cannot show, such as tenure bands ({@code <1y}, {@code 1-3y},
 * {@code 3-5y}, {@code 5y+}) or {@code low}, {@code medium}, {@code high}, can be listed per attribute with
 * {@link #withValues}: the listed values come first, in the order given, and any other value after them, in
 * natural order. A listed value that no respondent has is simply not shown.
 *
 * <p>The order changes only where segments are listed. Which segments are shown, every number and every
 * suppression decision are the same under every order.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ValueOrder {

  private static final ValueOrder NATURAL = new ValueOrder(Map.of());

  /** Attribute → its listed values, in order. */
  private final Map<String, List<String>> listed;
  /** Attribute → listed value → its rank. */
  private final Map<String, Map<String, Integer>> ranks;

  private ValueOrder(Map<String, List<String>> listed) {
    this.listed = Collections.unmodifiableMap(new LinkedHashMap<>(listed));
    Map<String, Map<String, Integer>> r = new HashMap<>();
    listed.forEach((attribute, values) -> {
      Map<String, Integer> rank = new HashMap<>();
      for (int i = 0; i < values.size(); i++) {
        rank.put(values.get(i), i);
      }
      r.put(attribute, Map.copyOf(rank));
    });
    this.ranks = Map.copyOf(r);
  }

  /**
   * Returns the natural order of every attribute's values, with no values listed.
   *
   * @return the order
   */
  public static ValueOrder natural() {
    return NATURAL;
  }

  /**
   * Returns a copy in which an attribute's values are listed: they come first, in this order, and the
   * attribute's other values after them in natural order. Listing an attribute again replaces its values.
   *
   * @param attribute the attribute's name
   * @param values its values in the order wanted, distinct, at least one
   * @return the order
   * @throws IllegalArgumentException if the attribute is blank, no value is given, or a value is given twice
   */
  public ValueOrder withValues(String attribute, List<String> values) {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(values, "values");
    if (attribute.isBlank()) {
      throw new IllegalArgumentException("the attribute's name is blank");
    }
    List<String> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no value of \"" + attribute + "\" is listed");
    }
    Set<String> seen = new HashSet<>();
    for (String v : copy) {
      if (!seen.add(v)) {
        throw new IllegalArgumentException("the value \"" + v + "\" of \"" + attribute + "\" is listed twice");
      }
    }
    Map<String, List<String>> next = new LinkedHashMap<>(listed);
    next.put(attribute, copy);
    return new ValueOrder(next);
  }

  /**
   * Returns the values listed for an attribute.
   *
   * @param attribute the attribute's name
   * @return its listed values in order; empty when none are listed
   */
  public List<String> values(String attribute) {
    return listed.getOrDefault(Objects.requireNonNull(attribute, "attribute"), List.of());
  }

  /**
   * Returns the attributes whose values are listed, in the order first listed.
   *
   * @return the attributes
   */
  public Set<String> attributes() {
    return listed.keySet();
  }

  /**
   * Compares two values of an attribute: listed values first, by their place in the list, then the others
   * in natural order.
   *
   * @param attribute the attribute's name
   * @param a a value
   * @param b another value
   * @return negative, zero or positive as {@code a} comes before, with, or after {@code b}
   */
  public int compare(String attribute, String a, String b) {
    Map<String, Integer> rank = ranks.get(attribute);
    if (rank != null) {
      Integer x = rank.get(a);
      Integer y = rank.get(b);
      if (x != null || y != null) {
        return x == null ? 1 : y == null ? -1 : Integer.compare(x, y);
      }
    }
    return compareNaturally(a, b);
  }

  /**
   * Returns the order of segments this value order gives: by their first attribute's value, then their
   * second's, and so on, each value compared as {@link #compare} does for its attribute; the population
   * first. Segments of one breakdown name the same attributes in the same order, and that is the order in
   * which a report lists them. Segments of different breakdowns are told apart by their attributes' names
   * (as text, where they first differ), then by how many they have, so that the order is total.
   *
   * @return the comparator, consistent with {@link Segment#equals}
   */
  public Comparator<Segment> segmentComparator() {
    return (x, y) -> {
      Iterator<Map.Entry<String, String>> a = x.attributes().entrySet().iterator();
      Iterator<Map.Entry<String, String>> b = y.attributes().entrySet().iterator();
      while (a.hasNext() && b.hasNext()) {
        Map.Entry<String, String> p = a.next();
        Map.Entry<String, String> q = b.next();
        int c = p.getKey().compareTo(q.getKey());
        if (c == 0) {
          c = compare(p.getKey(), p.getValue(), q.getValue());
        }
        if (c != 0) {
          return c;
        }
      }
      return Boolean.compare(a.hasNext(), b.hasNext());
    };
  }

  /**
   * Sorts the value lists of one breakdown's segments as {@link #segmentComparator()} orders the segments:
   * each attribute's distinct values are ranked once, then the lists compare rank by rank, so that a
   * report with tens of thousands of segments compares integers, not text.
   *
   * @param names the breakdown's attributes, in order
   * @param keys each segment's values, one per attribute
   * @return the value lists, sorted
   */
  List<List<String>> sort(List<String> names, Collection<List<String>> keys) {
    int width = names.size();
    List<Map<String, Integer>> rank = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      String attribute = names.get(i);
      int at = i;
      List<String> values = new ArrayList<>(keys.stream().map(k -> k.get(at)).distinct().toList());
      values.sort((a, b) -> compare(attribute, a, b));
      Map<String, Integer> r = new HashMap<>();
      for (int v = 0; v < values.size(); v++) {
        r.put(values.get(v), v);
      }
      rank.add(r);
    }
    record Ranked(List<String> values, int[] ranks) {}
    List<Ranked> ranked = new ArrayList<>(keys.size());
    for (List<String> k : keys) {
      int[] r = new int[width];
      for (int i = 0; i < width; i++) {
        r[i] = rank.get(i).get(k.get(i));
      }
      ranked.add(new Ranked(k, r));
    }
    ranked.sort((x, y) -> Arrays.compare(x.ranks(), y.ranks()));
    return ranked.stream().map(Ranked::values).toList();
  }

  /**
   * Compares two strings in natural order: as text, code unit by code unit, except that where both have a
   * run of the digits {@code 0}–{@code 9} the runs compare as whole numbers (of any length). A number sits
   * where its first digit would among other characters. Strings equal in this order are compared as plain
   * text.
   *
   * @param a a string
   * @param b another string
   * @return negative, zero or positive as {@code a} comes before, with, or after {@code b}
   */
  public static int compareNaturally(String a, String b) {
    int n = a.length();
    int m = b.length();
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int c = compareNumbers(a, i, endA, b, j, endB);
        if (c != 0) {
          return c;
        }
        i = endA;
        j = endB;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    if (i < n || j < m) {
      return i < n ? 1 : -1;
    }
    return a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Compares two runs of digits as whole numbers: without leading zeros, the longer is larger. */
  private static int compareNumbers(String a, int from, int to, String b, int fromB, int toB) {
    while (from < to - 1 && a.charAt(from) == '0') {
      from++;
    }
    while (fromB < toB - 1 && b.charAt(fromB) == '0') {
      fromB++;
    }
    if (to - from != toB - fromB) {
      return Integer.compare(to - from, toB - fromB);
    }
    for (; from < to; from++, fromB++) {
      int c = Character.compare(a.charAt(from), b.charAt(fromB));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueOrder other && listed.equals(other.listed);
  }

  @Override
  public int hashCode() {
    return listed.hashCode();
  }

  @Override
  public String toString() {
    return listed.isEmpty() ? "ValueOrder[natural]" : "ValueOrder[natural, listed " + listed + "]";
  }
}
