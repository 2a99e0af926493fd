package dev.belonging.scoring.reliability;

import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import java.util.List;

/**
 * A direct transcription of {@code psych::alpha} (psych's R/alpha.R) in plain floating point, as an
 * independent oracle: R's pairwise {@code cov} (means over each pair's complete observations, then the
 * centred cross products over {@code n − 1}), {@code alpha.1}'s {@code (1 - tr(C)/sum(C)) * (n/(n-1))}, the
 * same for {@code C[-i, -i]}, and {@code r.drop[i] <- (sum(C[, i]) - C[i, i]) / sqrt(C[i, i] *
 * sum(C[-i, -i]))}. NaN where R gives NA or NaN. psych's deletion of items without variance and its
 * two-item convention for {@code alpha.drop} are left out: this computes the formulas only.
 */
final class PsychAlpha {

  final double[][] covariance;
  final double sum;
  final double alpha;
  final double[] alphaDrop;
  final double[] restSum;
  final double[] rDrop;

  private PsychAlpha(double[][] c) {
    int m = c.length;
    this.covariance = c;
    this.sum = sum(c, -1);
    this.alpha = alpha(c, -1);
    this.alphaDrop = new double[m];
    this.restSum = new double[m];
    this.rDrop = new double[m];
    for (int i = 0; i < m; i++) {
      alphaDrop[i] = m > 2 ? alpha(c, i) : Double.NaN;
      double cDrop = 0;
      for (int j = 0; j < m; j++) {
        cDrop += c[j][i];
      }
      cDrop -= c[i][i];
      restSum[i] = sum(c, i);
      rDrop[i] = cDrop / Math.sqrt(c[i][i] * restSum[i]);
    }
  }

  /** Computes the oracle over a dimension's coded answers. */
  static PsychAlpha of(ResponseSet set, String dimensionId) {
    List<Question> qs = set.instrument().questionsOf(dimensionId);
    int m = qs.size();
    int n = set.size();
    double[][] x = new double[m][n];
    for (int i = 0; i < m; i++) {
      AnswerColumn col = set.answers(qs.get(i).id());
      for (int r = 0; r < n; r++) {
        x[i][r] = col.isMissing(r) ? Double.NaN : col.coded(r);
      }
    }
    double[][] c = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        c[i][j] = pairwiseCovariance(x[i], x[j]);
      }
    }
    return new PsychAlpha(c);
  }

  private static double pairwiseCovariance(double[] a, double[] b) {
    int n = 0;
    double ma = 0;
    double mb = 0;
    for (int r = 0; r < a.length; r++) {
      if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
        n++;
        ma += a[r];
        mb += b[r];
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    ma /= n;
    mb /= n;
    double s = 0;
    for (int r = 0; r < a.length; r++) {
      if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
        s += (a[r] - ma) * (b[r] - mb);
      }
    }
    return s / (n - 1);
  }

  private static double sum(double[][] c, int skip) {
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c.length; j++) {
        if (i != skip && j != skip) {
          s += c[i][j];
        }
      }
    }
    return s;
  }

  private static double alpha(double[][] c, int skip) {
    int m = skip < 0 ? c.length : c.length - 1;
    double tr = 0;
    for (int i = 0; i < c.length; i++) {
      if (i != skip) {
        tr += c[i][i];
      }
    }
    return (1 - tr / sum(c, skip)) * ((double) m / (m - 1));
  }
}
