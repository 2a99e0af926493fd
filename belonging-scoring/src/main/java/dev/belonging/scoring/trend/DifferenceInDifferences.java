package dev.belonging.scoring.trend;

import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.Statistic;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The ordinary least squares fit of {@code score ~ treated + factor(wave) + treated:after} from the
 * sufficient statistics of the treated and control groups in each wave (see {@link InterventionEstimate}).
 *
 * <p>Every regressor is constant within a (group, wave) cell, so {@code XᵀX} and {@code Xᵀy} are sums over
 * the cells of {@code n_c x_c x_cᵀ} and {@code n_c ȳ_c x_c}, and the residual sum of squares is the cells'
 * own sums of squares plus {@code Σ n_c (ȳ_c − x_cᵀβ)²}. With two waves the model is saturated and the
 * coefficient is the difference of the two groups' changes, computed as such.
 *
 * <p>With more waves the cell means are fitted relative to the first cell's mean (the intercept absorbs
 * it), so that when everyone has the same score the coefficient and residuals are exactly 0; and a cell's
 * residual below {@value #EXACT_FIT} scale points is taken as 0, as rounding in the solution. Without
 * these, cells that the model fits exactly and whose members all have the same score would leave a
 * residual variance of about 1e-31, and a standard error of about 1e-15 would make a difference of 1e-14
 * "significant".
 */
final class DifferenceInDifferences {

  /** The fitted coefficient of {@code treated:after} with its inference. */
  record Fit(Statistic estimate, Statistic standardError, Statistic ciLow, Statistic ciHigh,
      Statistic pValue, long degreesOfFreedom) {}

  /** A cell mean's distance from its fitted value, in scale points, below which it is rounding. */
  static final double EXACT_FIT = 1e-9;

  private DifferenceInDifferences() {}

  /**
   * Fits the model.
   *
   * @param treated the treated group's statistics per wave, oldest first, each with at least one score
   * @param control the control group's statistics per wave
   * @param after the index of the first wave after the intervention began, at least 1
   * @return the fit
   */
  static Fit fit(List<DimensionStatistics> treated, List<DimensionStatistics> control, int after) {
    int waves = treated.size();
    if (control.size() != waves || after < 1 || after >= waves) {
      throw new IllegalArgumentException("need the same waves for both groups and 1 <= after < " + waves);
    }
    int cells = 2 * waves;
    long[] n = new long[cells];
    double[] mean = new double[cells];
    double[] ss = new double[cells];
    long total = 0;
    double range = treated.get(0).scale().max() - treated.get(0).scale().min();
    for (int w = 0; w < waves; w++) {
      for (int g = 0; g < 2; g++) {
        DimensionStatistics d = (g == 1 ? treated : control).get(w);
        int c = 2 * w + g;
        n[c] = d.scored();
        if (n[c] < 1) {
          throw new IllegalArgumentException("a cell without scores");
        }
        mean[c] = d.mean().value();
        ss[c] = n[c] < 2 ? 0 : d.variance().value() * (n[c] - 1);
        total += n[c];
      }
    }
    int p = waves + 2;
    long df = total - p;
    if (df < 1) {
      throw new IllegalArgumentException("too few scores for " + p + " coefficients: " + total);
    }
    double estimate;
    double inverse; // ((XᵀX)⁻¹)_{jj} of the interaction
    double rss = 0;
    for (double s : ss) {
      rss += s;
    }
    if (waves == 2) {
      estimate = (mean[3] - mean[1]) - (mean[2] - mean[0]);
      inverse = 1.0 / n[0] + 1.0 / n[1] + 1.0 / n[2] + 1.0 / n[3];
    } else {
      double[][] xtx = new double[p][p];
      double[] xty = new double[p];
      double[][] x = new double[cells][];
      double origin = mean[0];
      for (int w = 0; w < waves; w++) {
        for (int g = 0; g < 2; g++) {
          double[] row = new double[p];
          row[0] = 1;
          row[1] = g;
          if (w > 0) {
            row[1 + w] = 1;
          }
          row[p - 1] = g == 1 && w >= after ? 1 : 0;
          int c = 2 * w + g;
          x[c] = row;
          for (int i = 0; i < p; i++) {
            xty[i] += n[c] * (mean[c] - origin) * row[i];
            for (int j = 0; j < p; j++) {
              xtx[i][j] += n[c] * row[i] * row[j];
            }
          }
        }
      }
      double[][] inv = invert(xtx);
      double[] beta = new double[p];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          beta[i] += inv[i][j] * xty[j];
        }
      }
      for (int c = 0; c < cells; c++) {
        double fitted = 0;
        for (int i = 0; i < p; i++) {
          fitted += x[c][i] * beta[i];
        }
        double r = mean[c] - origin - fitted;
        if (Math.abs(r) > EXACT_FIT * range) {
          rss += n[c] * r * r;
        }
      }
      estimate = beta[p - 1];
      inverse = inv[p - 1][p - 1];
    }
    Statistic est = Statistic.of(estimate);
    double sigma2 = rss / df;
    double se = Math.sqrt(sigma2 * inverse);
    if (!(se > 0)) {
      Statistic u = Statistic.undefined("no residual variance");
      return new Fit(est, Statistic.of(0), u, u, u, df);
    }
    TDistribution t = TDistribution.of(df);
    double q = t.inverseSurvivalProbability(0.025);
    double p2 = Math.min(1, 2 * t.survivalProbability(Math.abs(estimate / se)));
    return new Fit(est, Statistic.of(se), Statistic.of(estimate - q * se), Statistic.of(estimate + q * se),
        Statistic.of(p2), df);
  }

  /** Inverts a small symmetric positive definite matrix by Gauss–Jordan elimination with partial pivoting. */
  private static double[][] invert(double[][] a) {
    int p = a.length;
    double[][] m = new double[p][2 * p];
    for (int i = 0; i < p; i++) {
      System.arraycopy(a[i], 0, m[i], 0, p);
      m[i][p + i] = 1;
    }
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (m[pivot][col] == 0) {
        throw new IllegalStateException("singular design: a group is empty in some wave");
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      double d = m[col][col];
      for (int j = 0; j < 2 * p; j++) {
        m[col][j] /= d;
      }
      for (int r = 0; r < p; r++) {
        if (r != col && m[r][col] != 0) {
          double f = m[r][col];
          for (int j = 0; j < 2 * p; j++) {
            m[r][j] -= f * m[col][j];
          }
        }
      }
    }
    double[][] inv = new double[p][p];
    for (int i = 0; i < p; i++) {
      System.arraycopy(m[i], p, inv[i], 0, p);
    }
    return inv;
  }
}
