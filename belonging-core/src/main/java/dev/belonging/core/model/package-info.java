/**
 * The immutable survey model: instruments (questions on scales, grouped into dimensions), respondents and
 * their responses, waves, and the problems found in inputs.
 *
 * <p>Every type here is immutable and thread-safe, created by static factories and changed by
 * {@code withX} copies; a {@link dev.belonging.core.model.ResponseSet} stores its responses as columns.
 */
package dev.belonging.core.model;
