/**
 * The report: what an analysis publishes, already guarded, with its JSON and text renderings.
 */
package dev.belonging.scoring.report;
