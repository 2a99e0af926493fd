/**
 * A synthetic sample organisation for examples, demos and benchmarks.
 */
package dev.belonging.examples.sample;
