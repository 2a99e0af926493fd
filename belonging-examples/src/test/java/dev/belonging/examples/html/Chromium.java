package dev.belonging.examples.html;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs Debian's headless {@code chromium} on a local page: a screenshot, the page's DOM as the browser
 * built it, and a net log of every request. In CI ({@code CI=true}) a missing browser fails the test with
 * a clear message, since {@code .ci/run} installs it; elsewhere the test is skipped.
 */
final class Chromium {

  /** How long one browser run may take before it is stopped (a guard against a hung browser). */
  private static final long LIMIT_SECONDS = 180;

  private final Path executable;

  private Chromium(Path executable) {
    this.executable = executable;
  }

  /** Returns the browser, or fails (in CI) or skips (elsewhere) the calling test when it is missing. */
  static Chromium require() {
    return require(find(System.getenv("PATH")), System.getenv("CI"));
  }

  /**
   * Returns the browser found, or fails the calling test when {@code ci} is {@code true}, or skips it.
   *
   * @param found the executable, if found
   * @param ci the value of the environment variable {@code CI}, or null
   */
  static Chromium require(Optional<Path> found, String ci) {
    if (found.isEmpty()) {
      String message = "chromium is not installed: install Debian's package (apt-get install -y chromium), "
          + "as .ci/run does; the HTML report is tested in a real browser";
      if ("true".equalsIgnoreCase(ci)) {
        fail(message);
      }
      Assumptions.abort(message + " (skipped outside CI)");
    }
    return new Chromium(found.get());
  }

  /**
   * Looks for an executable {@code chromium} in a search path.
   *
   * @param path directories separated by the platform's path separator, or null
   */
  static Optional<Path> find(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "chromium");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** What one run produced. */
  record Run(Path screenshot, Path netLog, String stdout) {}

  /**
   * Takes a screenshot of a page (1280 × 2000) while logging the network.
   *
   * @param page the HTML file
   * @param work a directory for the profile, the screenshot and the log
   * @return the screenshot and the net log
   */
  Run screenshot(Path page, Path work) throws IOException, InterruptedException {
    Path png = work.resolve("screenshot.png");
    Path log = work.resolve("net-log.json");
    String out = run(work, page, "--screenshot=" + png, "--window-size=1280,2000", "--log-net-log=" + log);
    if (!Files.isRegularFile(png)) {
      fail("chromium wrote no screenshot; its output:\n" + out);
    }
    return new Run(png, log, out);
  }

  /**
   * Returns the page's DOM as chromium serialises it after loading.
   *
   * @param page the HTML file
   * @param work a directory for the profile and the output
   * @return the serialised DOM
   */
  String dumpDom(Path page, Path work) throws IOException, InterruptedException {
    Path stdout = work.resolve("dom.html");
    run(work, page, stdout, "--dump-dom");
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  private String run(Path work, Path page, String... extra) throws IOException, InterruptedException {
    Path stdout = work.resolve("chromium.out");
    run(work, page, stdout, extra);
    return Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(work.resolve("chromium.err"),
        StandardCharsets.UTF_8);
  }

  private void run(Path work, Path page, Path stdout, String... extra) throws IOException, InterruptedException {
    Path profile = Files.createDirectories(work.resolve("profile-" + System.nanoTime()));
    List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile));
    command.addAll(List.of(extra));
    command.add(page.toAbsolutePath().toUri().toString());
    Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
        .redirectError(work.resolve("chromium.err").toFile()).start();
    if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within " + LIMIT_SECONDS + " s: " + command);
    }
    if (p.exitValue() != 0) {
      fail("chromium exited with " + p.exitValue() + ": " + command + "\n"
          + Files.readString(work.resolve("chromium.err"), StandardCharsets.UTF_8));
    }
  }

  /**
   * Returns the URLs of the requests a page made, from a net log: every {@code URL_REQUEST_START_JOB} whose
   * initiator is a page. The browser's own requests (update and time checks, which the flags do not all
   * stop) have the initiator {@code "not an origin"} and no page in their isolation key; a page opened from
   * a file has the opaque initiator {@code "null"} and {@code file://} in its isolation key.
   *
   * @param netLog the log written by {@code --log-net-log}
   * @return the page's requests, empty when it made none
   */
  static List<String> pageRequests(Path netLog) {
    JsonNode root = JsonMapper.shared().readTree(netLog.toFile());
    int start = root.get("constants").get("logEventTypes").get("URL_REQUEST_START_JOB").asInt();
    List<String> urls = new ArrayList<>();
    for (JsonNode event : root.get("events")) {
      JsonNode params = event.get("params");
      if (event.get("type").asInt() != start || params == null || !params.has("url")) {
        continue;
      }
      String initiator = params.has("initiator") ? params.get("initiator").asString() : "";
      String isolation = params.has("network_isolation_key") ? params.get("network_isolation_key").asString()
          : "";
      if (!initiator.equals("not an origin") || isolation.contains("file://")) {
        urls.add(params.get("url").asString());
      }
    }
    return urls;
  }

  /**
   * Returns every request URL in a net log, for messages.
   *
   * @param netLog the log
   * @return the URLs of all {@code URL_REQUEST_START_JOB} events
   */
  static List<String> allRequests(Path netLog) {
    JsonNode root = JsonMapper.shared().readTree(netLog.toFile());
    int start = root.get("constants").get("logEventTypes").get("URL_REQUEST_START_JOB").asInt();
    List<String> urls = new ArrayList<>();
    for (JsonNode event : root.get("events")) {
      JsonNode params = event.get("params");
      if (event.get("type").asInt() == start && params != null && params.has("url")) {
        urls.add(params.get("url").asString());
      }
    }
    return urls;
  }
}
