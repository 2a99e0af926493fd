/**
 * The built-in instruments, shipped as JSON resources and read through the same reader as user files.
 */
package dev.belonging.core.instruments;
