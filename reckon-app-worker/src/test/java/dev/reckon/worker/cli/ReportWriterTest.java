package dev.reckon.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.domain.report.EstimateStatus;
import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.report.SpendReport;
import dev.reckon.domain.report.SpendRow;
import dev.reckon.domain.shared.Money;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

  private final SpendReport report =
      new SpendReport(
          LocalDate.parse("2026-11-01"),
          LocalDate.parse("2026-11-30"),
          ZoneId.of("Europe/Berlin"),
          GroupBy.MODEL,
          "2026-11-01",
          List.of(
              new SpendRow(
                  "gpt-4.1",
                  null,
                  null,
                  Money.usd("12.3456"),
                  EstimateStatus.COMPLETE,
                  1000,
                  200,
                  7L),
              new SpendRow(
                  "ft:gpt-4.1:acme, inc::FAKE01",
                  "fine \"tuned\"",
                  null,
                  null,
                  EstimateStatus.UNPRICED,
                  50,
                  5,
                  1L),
              new SpendRow(
                  "none", null, Money.usd("845.724"), null, EstimateStatus.NO_USAGE, 0, 0, null)),
          Money.usd("845.724"),
          Money.usd("12.3456"),
          EstimateStatus.PARTIAL,
          List.of("openai/ft:gpt-4.1:acme, inc::FAKE01"));

  @Test
  void jsonKeepsExactMoneyAndNullsForUnknowns() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ReportWriter.toJson(report, "acme"));

    assertThat(json.path("currency").asText()).isEqualTo("USD");
    assertThat(json.path("total_billed_usd").asText()).isEqualTo("845.724");
    assertThat(json.path("total_estimated_usd").asText()).isEqualTo("12.3456");
    assertThat(json.path("rows").get(0).path("model").asText()).isEqualTo("gpt-4.1");
    assertThat(json.path("rows").get(0).path("billed_usd").isNull()).isTrue();
    assertThat(json.path("rows").get(1).path("estimated_usd").isNull()).isTrue();
    assertThat(json.path("rows").get(1).path("estimate_status").asText()).isEqualTo("unpriced");
    assertThat(json.path("rows").get(2).path("requests").isNull()).isTrue();
  }

  @Test
  void csvQuotesFieldsWithCommasAndQuotes() {
    String csv = write(ReportFormat.CSV);

    assertThat(csv.lines())
        .containsExactly(
            "model,label,billed_usd,estimated_usd,estimate_status,input_tokens,output_tokens,requests",
            "gpt-4.1,,,12.3456,complete,1000,200,7",
            "\"ft:gpt-4.1:acme, inc::FAKE01\",\"fine \"\"tuned\"\"\",,,unpriced,50,5,1",
            "none,,845.724,,no_usage,0,0,");
  }

  @Test
  void tableMarksUnpricedPartialAndUnattributed() {
    String table = write(ReportFormat.TABLE);

    assertThat(table)
        .contains("unpriced")
        .contains("12.35*")
        .contains("(unattributed)")
        .contains("845.72");
    assertThat(table)
        .contains(
            "Unpriced models (no list price, left out of estimates): openai/ft:gpt-4.1:acme, inc::FAKE01");
  }

  private String write(ReportFormat format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportWriter.write(
        report, "acme", format, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
