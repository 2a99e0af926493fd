package dev.belonging.scoring.trend;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.belonging.scoring.report.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Checks trend report JSON against the shipped trend schema, which refers to the report schema. */
public final class TrendSchema {

  private static final String TREND_ID = "https://belonging.dev/schema/trend-1.json";
  private static final Schema SCHEMA = load();

  private TrendSchema() {}

  private static Schema load() {
    Map<String, String> schemas = Map.of(
        TREND_ID, resource(TrendJson.SCHEMA_RESOURCE),
        "https://belonging.dev/schema/report-1.json", resource(ReportJson.SCHEMA_RESOURCE));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(schemas))
        .getSchema(SchemaLocation.of(TREND_ID));
  }

  private static String resource(String name) {
    try (InputStream in = TrendJson.class.getResourceAsStream(name)) {
      assertThat(in).as("schema resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the schema violations of a JSON text. */
  public static List<Error> violations(String json) {
    return SCHEMA.validate(json, InputFormat.JSON);
  }

  /** Asserts that a trend report's JSON conforms to the schema and returns the JSON. */
  public static String requireValid(TrendReport report) {
    String json = TrendJson.toJson(report);
    assertThat(violations(json)).as("schema violations of %s", json).isEmpty();
    return json;
  }
}
