/**
 * The JSON form of instrument files: one record per object of the file, with the constraints that
 * Hibernate Validator checks before a definition becomes a model object. Not exported; opened to Jackson
 * and Hibernate Validator only. The model itself carries no annotation of either library.
 */
package dev.belonging.core.internal.json;
