package dev.belonging.core.model;

import java.util.Objects;

/** The one check for identifiers, shared by the model types. */
final class Ids {

  private Ids() {}

  static String requireId(String id, String what) {
    Objects.requireNonNull(id, what);
    if (id.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return id;
  }
}
