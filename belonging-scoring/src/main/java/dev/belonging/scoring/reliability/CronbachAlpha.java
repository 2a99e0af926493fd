package dev.belonging.scoring.reliability;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Statistic;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Cronbach's raw alpha of a dimension, alpha if an item is deleted, and item–rest correlations, from the
 * pairwise-complete covariance matrix of the items' coded answers.
 *
 * <h2>What is computed</h2>
 *
 * <p>Let the dimension have {@code m} items and let {@code c} be their covariance matrix, each entry
 * {@code c_ij} the sample covariance ({@code n − 1} denominator) of items {@code i} and {@code j} over the
 * respondents who answered both, on coded answers (a reverse-keyed answer {@code x} is coded
 * {@code min + max − x}); see {@link ItemMoments}. With {@code S = Σ_ij c_ij} (every entry) and
 * {@code T = Σ_i c_ii} (the diagonal):
 *
 * <ul>
 *   <li><b>alpha</b> {@code = m / (m − 1) · (1 − T / S)};
 *   <li><b>alpha if item {@code k} is deleted</b>: the same formula applied to {@code c} without row and
 *       column {@code k}, i.e. with {@code m − 1}, {@code S_k = S − 2 Σ_j c_kj + c_kk} and
 *       {@code T_k = T − c_kk};
 *   <li><b>item–rest correlation</b> of item {@code k}: the covariance of the item with the sum of the other
 *       items divided by the product of their standard deviations, all read from the same matrix:
 *       {@code r_k = (Σ_j c_kj − c_kk) / sqrt(c_kk · S_k)}.
 * </ul>
 *
 * <p>These are the numbers of R's {@code psych::alpha(x, check.keys = FALSE)} (whose default is
 * {@code use = "pairwise"}): {@code $total$raw_alpha}, {@code $alpha.drop$raw_alpha} and
 * {@code $item.stats$r.drop}. psych computes {@code r.drop[i] <- (sum(C[, i]) - C[i, i]) / sqrt(C[i, i] *
 * sum(C[-i, -i]))} from the pairwise covariance matrix {@code C}, which is the formula above. Three
 * deliberate differences: psych deletes an item without variance before computing, with a warning (here it
 * stays and contributes {@code c_kk = 0}, so that alpha describes the dimension as designed); for a two-item
 * dimension psych reports the inter-item correlation as "alpha if deleted" (here it is undefined: one item
 * left); and where psych gives {@code NA} or {@code NaN} the number here is undefined with a reason.
 *
 * <p>All three are computed exactly: every covariance is a fraction of integers from the moments, the
 * sums {@code S}, {@code T} and {@code Σ_j c_kj} are kept as fractions over a common denominator, and each
 * result is rounded to {@code double} once (the correlation after one more correctly rounded square root).
 * So results do not depend on the order of respondents or on how the moments were merged. The cost is
 * {@code O(m²)} big-integer operations on numbers that grow with the number of distinct pair counts:
 * milliseconds for a dimension of 30 items with missing answers.
 *
 * <h2>When a number is undefined</h2>
 *
 * <ul>
 *   <li>{@code m < 2}: alpha and both item statistics are undefined, {@value #ONE_ITEM}.
 *   <li>A pair of items (or an item) answered by fewer than two respondents has no covariance: alpha and
 *       every item–rest correlation are undefined ({@value #TOO_FEW_RESPONDENTS} when the dimension has
 *       fewer than two respondents at all, else naming the items); alpha if deleted is undefined unless
 *       every such pair involves the deleted item.
 *   <li>{@code S = 0} (exactly; the total has no variance, e.g. everyone gave the same answers): alpha is
 *       undefined, {@value #NO_VARIANCE}; likewise alpha if deleted when {@code S_k = 0}.
 *   <li>Alpha if deleted needs {@code m − 1 >= 2} items: otherwise {@value #ONE_ITEM_LEFT}.
 *   <li>The item–rest correlation is undefined when the item has no variance ({@value #ITEM_NO_VARIANCE}),
 *       the rest has none ({@value #REST_NO_VARIANCE}), or, possible only with missing answers, the
 *       pairwise variance of the rest is negative ({@value #REST_NEGATIVE_VARIANCE}).
 * </ul>
 *
 * <p>Alpha may be negative (items that disagree) and, with missing answers, a pairwise covariance matrix
 * need not be positive semi-definite, so alpha may exceed 1 and an item–rest correlation may lie outside
 * {@code [−1, 1]}; both are reported as computed, as psych does. Without missing answers alpha is at most
 * 1 and correlations lie in {@code [−1, 1]}.
 *
 * <p>References: L. J. Cronbach (1951), Coefficient alpha and the internal structure of tests,
 * Psychometrika 16, 297–334; W. Revelle, psych: Procedures for Psychological, Psychometric, and
 * Personality Research (R package), function {@code alpha}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CronbachAlpha {

  /** Why alpha is undefined for a dimension with one item. */
  public static final String ONE_ITEM = "one item";

  /** Why alpha if deleted is undefined for a dimension with two items. */
  public static final String ONE_ITEM_LEFT = "one item left";

  /** Why a statistic is undefined when fewer than two respondents answered. */
  public static final String TOO_FEW_RESPONDENTS = "fewer than two respondents";

  /** Why alpha is undefined when the sum of the covariance matrix is zero. */
  public static final String NO_VARIANCE = "no variance";

  /** Why an item–rest correlation is undefined when the item has no variance. */
  public static final String ITEM_NO_VARIANCE = "item has no variance";

  /** Why an item–rest correlation is undefined when the other items' sum has no variance. */
  public static final String REST_NO_VARIANCE = "rest has no variance";

  /** Why an item–rest correlation is undefined when the rest's pairwise variance is negative. */
  public static final String REST_NEGATIVE_VARIANCE = "rest has a negative pairwise variance";

  private static final CronbachAlpha DEFAULTS = new CronbachAlpha();

  private CronbachAlpha() {}

  /**
   * Returns the calculator: pairwise-complete covariances of coded answers over all respondents given.
   *
   * @return the calculator
   */
  public static CronbachAlpha withDefaults() {
    return DEFAULTS;
  }

  /**
   * Computes the reliability of one dimension over every respondent of a response set.
   *
   * @param set the responses
   * @param dimensionId the dimension
   * @return the reliability
   * @throws IllegalArgumentException if the instrument has no such dimension
   */
  public Reliability compute(ResponseSet set, String dimensionId) {
    return compute(ItemMoments.of(set, dimensionId));
  }

  /**
   * Computes the reliability of every dimension of the instrument over every respondent.
   *
   * @param set the responses
   * @return dimension id → reliability, in the instrument's dimension order, unmodifiable; a one-item
   *     dimension is included with an undefined alpha
   */
  public Map<String, Reliability> computeAll(ResponseSet set) {
    Map<String, Reliability> all = new LinkedHashMap<>();
    for (Dimension d : set.instrument().dimensions()) {
      all.put(d.id(), compute(set, d.id()));
    }
    return Collections.unmodifiableMap(all);
  }

  /**
   * Computes the reliability from moments, e.g. moments merged from partitions of the respondents.
   *
   * @param moments the moments of the dimension's items
   * @return the reliability
   */
  public Reliability compute(ItemMoments moments) {
    Objects.requireNonNull(moments, "moments");
    return new Calculation(moments).result();
  }

  @Override
  public String toString() {
    return "CronbachAlpha[pairwise-complete, raw]";
  }

  /** One computation: the exact covariance numerators over a common denominator. */
  private static final class Calculation {

    private final ItemMoments moments;
    private final int m;
    private final BigInteger[][] t; // t[i][j] = c_ij · common denominator; zero where undefined
    private final BigInteger[] row; // Σ_j t[k][j]
    private BigInteger total = BigInteger.ZERO; // S · common denominator
    private BigInteger trace = BigInteger.ZERO; // T · common denominator

    Calculation(ItemMoments moments) {
      this.moments = moments;
      this.m = moments.items();
      // the distinct divisors n (n − 1), and each one's cofactor in their product
      TreeMap<Long, BigInteger> cofactor = new TreeMap<>();
      for (int i = 0; i < m; i++) {
        for (int j = i; j < m; j++) {
          long n = moments.count(i, j);
          if (n >= 2) {
            cofactor.put(n, null);
          }
        }
      }
      BigInteger common = BigInteger.ONE;
      for (long n : cofactor.keySet()) {
        common = common.multiply(Exact.covarianceDivisor(n));
      }
      for (Map.Entry<Long, BigInteger> e : cofactor.entrySet()) {
        e.setValue(common.divide(Exact.covarianceDivisor(e.getKey())));
      }
      t = new BigInteger[m][m];
      row = new BigInteger[m];
      for (int i = 0; i < m; i++) {
        for (int j = i; j < m; j++) {
          long n = moments.count(i, j);
          BigInteger v = n < 2 ? BigInteger.ZERO
              : Exact.centredProducts(n, moments.sum(i, j), moments.sum(j, i), moments.sumOfProducts(i, j))
                  .multiply(cofactor.get(n));
          t[i][j] = v;
          t[j][i] = v;
        }
      }
      for (int k = 0; k < m; k++) {
        BigInteger r = BigInteger.ZERO;
        for (int j = 0; j < m; j++) {
          r = r.add(t[k][j]);
        }
        row[k] = r;
        total = total.add(r);
        trace = trace.add(t[k][k]);
      }
    }

    Reliability result() {
      List<String> ids = moments.questionIds();
      if (m < 2) {
        Statistic one = Statistic.undefined(ONE_ITEM);
        return new Reliability(moments.dimensionId(), m, moments.respondents(), one,
            List.of(new ItemReliability(ids.get(0), one, one)));
      }
      String missing = missingCovariance(-1);
      Statistic alpha;
      if (missing != null) {
        alpha = Statistic.undefined(missing);
      } else if (total.signum() == 0) {
        alpha = Statistic.undefined(NO_VARIANCE);
      } else {
        alpha = alpha(m, total, trace);
      }
      List<ItemReliability> items = new ArrayList<>(m);
      for (int k = 0; k < m; k++) {
        BigInteger own = t[k][k];
        BigInteger rest = total.subtract(row[k].shiftLeft(1)).add(own);
        items.add(new ItemReliability(ids.get(k), alphaIfDeleted(k, rest), itemRest(k, rest, missing)));
      }
      return new Reliability(moments.dimensionId(), m, moments.respondents(), alpha, items);
    }

    private Statistic alphaIfDeleted(int k, BigInteger rest) {
      if (m - 1 < 2) {
        return Statistic.undefined(ONE_ITEM_LEFT);
      }
      String missing = missingCovariance(k);
      if (missing != null) {
        return Statistic.undefined(missing);
      }
      if (rest.signum() == 0) {
        return Statistic.undefined(NO_VARIANCE);
      }
      return alpha(m - 1, rest, trace.subtract(t[k][k]));
    }

    private Statistic itemRest(int k, BigInteger rest, String missing) {
      if (missing != null) {
        return Statistic.undefined(missing);
      }
      BigInteger own = t[k][k];
      if (own.signum() == 0) {
        return Statistic.undefined(ITEM_NO_VARIANCE);
      }
      if (rest.signum() == 0) {
        return Statistic.undefined(REST_NO_VARIANCE);
      }
      if (rest.signum() < 0) {
        return Statistic.undefined(REST_NEGATIVE_VARIANCE);
      }
      BigInteger cov = row[k].subtract(own);
      double r = Math.sqrt(Exact.ratio(cov.multiply(cov), own.multiply(rest)));
      return Statistic.of(cov.signum() < 0 ? -r : r);
    }

    /** Returns {@code items / (items − 1) · (1 − trace / total) = items (total − trace) / ((items − 1) total)}. */
    private static Statistic alpha(int items, BigInteger total, BigInteger trace) {
      return Statistic.of(Exact.ratio(
          BigInteger.valueOf(items).multiply(total.subtract(trace)),
          BigInteger.valueOf(items - 1L).multiply(total)));
    }

    /**
     * Returns why a covariance is missing, ignoring item {@code skip}: the first item answered by fewer
     * than two respondents, else the first pair (in row order) answered together by fewer than two;
     * {@code null} when there is none.
     */
    private String missingCovariance(int skip) {
      List<String> ids = moments.questionIds();
      for (int i = 0; i < m; i++) {
        if (i != skip && moments.count(i, i) < 2) {
          return moments.respondents() < 2 ? TOO_FEW_RESPONDENTS
              : TOO_FEW_RESPONDENTS + " answered \"" + ids.get(i) + "\"";
        }
      }
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          if (i != skip && j != skip && moments.count(i, j) < 2) {
            return TOO_FEW_RESPONDENTS + " answered both \"" + ids.get(i) + "\" and \"" + ids.get(j)
                + "\"";
          }
        }
      }
      return null;
    }
  }
}
