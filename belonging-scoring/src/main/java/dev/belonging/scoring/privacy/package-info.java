/**
 * Anonymity: the policy a report keeps (minimum group size k, comment threshold) and its enforcement.
 */
package dev.belonging.scoring.privacy;
