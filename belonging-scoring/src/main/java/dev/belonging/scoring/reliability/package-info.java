/**
 * Reliability: Cronbach's alpha of each dimension, alpha if an item is deleted and item–rest
 * correlations ({@link dev.belonging.scoring.reliability.CronbachAlpha}), computed from mergeable,
 * exact sufficient statistics of the items' pairwise-complete covariances
 * ({@link dev.belonging.scoring.reliability.ItemMoments}).
 */
package dev.belonging.scoring.reliability;
