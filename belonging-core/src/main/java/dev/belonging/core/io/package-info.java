/**
 * Reading and writing the library's file formats: instrument JSON ({@code InstrumentJson}) and responses
 * CSV ({@code ResponseCsv}). Every reader reports every problem it finds, each with its location.
 */
package dev.belonging.core.io;
