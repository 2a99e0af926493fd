package dev.belonging.scoring.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Checks report JSON against the shipped JSON Schema. */
public final class ReportSchema {

  private static final Schema SCHEMA = load();

  private ReportSchema() {}

  private static Schema load() {
    try (InputStream in = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
      assertThat(in).as("schema resource").isNotNull();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
              InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the schema violations of a JSON text. */
  public static List<Error> violations(String json) {
    return SCHEMA.validate(json, InputFormat.JSON);
  }

  /** Asserts that a report's JSON conforms to the schema and returns the JSON. */
  public static String requireValid(Report report) {
    String json = ReportJson.toJson(report);
    assertThat(violations(json)).as("schema violations of %s", json).isEmpty();
    return json;
  }
}
