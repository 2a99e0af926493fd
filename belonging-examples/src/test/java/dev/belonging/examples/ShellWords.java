package dev.belonging.examples;

import java.util.ArrayList;
import java.util.List;

/** The words of a command line the command line prints for people to paste into a shell. */
public final class ShellWords {

  private ShellWords() {}

  /**
   * Splits a command line as a shell does for what the command line prints: at spaces, except inside
   * double quotes, which are removed.
   *
   * @param line the command line
   * @return its words
   */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        words.add(word.toString());
        word.setLength(0);
      } else {
        word.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("an unclosed quote in " + line);
    }
    words.add(word.toString());
    return words;
  }
}
