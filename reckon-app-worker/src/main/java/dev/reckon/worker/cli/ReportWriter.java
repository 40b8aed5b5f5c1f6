package dev.reckon.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reckon.domain.report.EstimateStatus;
import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.report.SpendReport;
import dev.reckon.domain.report.SpendRow;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.usage.Attribution;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a spend report as a table for people, or as JSON or CSV for scripts. Money in JSON and CSV
 * is an exact decimal string. Billed and estimated figures are separate columns, and an unknown
 * figure is null (JSON) or empty (CSV), never zero.
 */
final class ReportWriter {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Table label of the {@code none} group: usage or cost the provider did not attribute to this
   * dimension, such as billed cost per API key, Console usage without a key, or the default
   * workspace.
   */
  static final String UNATTRIBUTED = "(unattributed)";

  private ReportWriter() {}

  static void write(SpendReport report, String organization, ReportFormat format, PrintStream out) {
    switch (format) {
      case TABLE -> writeTable(report, organization, out);
      case JSON -> out.println(toJson(report, organization));
      case CSV -> writeCsv(report, out);
    }
  }

  static String toJson(SpendReport report, String organization) {
    ObjectNode root = JSON.createObjectNode();
    root.put("organization", organization);
    root.put("from", report.from().toString());
    root.put("to", report.to().toString());
    root.put("time_zone", report.zone().getId());
    root.put("group_by", report.groupBy().id());
    root.put("currency", report.currency());
    root.put("price_table", report.priceTableVersion());
    root.put("total_billed_usd", report.totalBilled().toDecimalString());
    root.put("total_estimated_usd", report.totalEstimated().toDecimalString());
    root.put("estimate_status", report.totalEstimateStatus().id());
    ArrayNode unpriced = root.putArray("unpriced_models");
    report.unpricedModels().forEach(unpriced::add);
    ArrayNode rows = root.putArray("rows");
    for (SpendRow row : report.rows()) {
      ObjectNode node = rows.addObject();
      node.put(report.groupBy().id(), row.group());
      node.put("label", row.label());
      node.put("billed_usd", decimal(row.billed()));
      node.put("estimated_usd", decimal(row.estimated()));
      node.put("estimate_status", row.estimateStatus().id());
      node.put("input_tokens", row.inputTokens());
      node.put("output_tokens", row.outputTokens());
      node.put("requests", row.requests());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("failed to write the report as JSON", e);
    }
  }

  private static void writeCsv(SpendReport report, PrintStream out) {
    out.println(
        report.groupBy().id()
            + ",label,billed_usd,estimated_usd,estimate_status,input_tokens,output_tokens,requests");
    for (SpendRow row : report.rows()) {
      out.println(
          String.join(
              ",",
              csv(row.group()),
              csv(row.label()),
              csv(decimal(row.billed())),
              csv(decimal(row.estimated())),
              row.estimateStatus().id(),
              Long.toString(row.inputTokens()),
              Long.toString(row.outputTokens()),
              row.requests() == null ? "" : row.requests().toString()));
    }
  }

  private static void writeTable(SpendReport report, String organization, PrintStream out) {
    out.printf(
        "Spend of %s from %s to %s (%s), by %s%n%n",
        organization, report.from(), report.to(), report.zone().getId(), report.groupBy().id());
    List<String[]> lines = new ArrayList<>();
    lines.add(
        new String[] {
          report.groupBy().id(),
          "billed USD",
          "estimated USD",
          "input tokens",
          "output tokens",
          "requests"
        });
    for (SpendRow row : report.rows()) {
      String group = row.label() == null ? row.group() : row.label() + " (" + row.group() + ")";
      if (row.group().equals(Attribution.NONE)) {
        group = UNATTRIBUTED;
      }
      lines.add(
          new String[] {
            group,
            row.billed() == null ? "-" : row.billed().toDisplayString(),
            estimate(row.estimated(), row.estimateStatus()),
            String.format("%,d", row.inputTokens()),
            String.format("%,d", row.outputTokens()),
            row.requests() == null ? "-" : String.format("%,d", row.requests())
          });
    }
    lines.add(
        new String[] {
          "total",
          report.totalBilled().toDisplayString(),
          estimate(report.totalEstimated(), report.totalEstimateStatus()),
          "",
          "",
          ""
        });
    printAligned(lines, out);
    out.println();
    out.println(
        "Billed: reported by the providers' cost endpoints. Estimated: tokens x list prices"
            + " (price table "
            + report.priceTableVersion()
            + "); * marks a lower bound.");
    if (report.rows().isEmpty()) {
      out.println("No usage or cost is stored for these days; run the worker or widen the range.");
    }
    if (report.rows().stream().anyMatch(row -> row.group().equals(Attribution.NONE))) {
      out.println(UNATTRIBUTED + ": " + unattributedMeaning(report.groupBy()));
    }
    if (!report.unpricedModels().isEmpty()) {
      out.println(
          "Unpriced models (no list price, left out of estimates): "
              + String.join(", ", report.unpricedModels()));
    }
  }

  private static String unattributedMeaning(GroupBy groupBy) {
    return switch (groupBy) {
      case MODEL ->
          "usage or cost the provider reports without a model, such as OpenAI's billed cost.";
      case API_KEY ->
          "usage without an API key (Console or Playground) and all billed cost, which no provider"
              + " splits by key.";
      case PROJECT -> "usage or cost outside any project, or in Anthropic's default workspace.";
      case DAY, PROVIDER -> "usage or cost without this dimension.";
    };
  }

  private static void printAligned(List<String[]> lines, PrintStream out) {
    int[] widths = new int[lines.get(0).length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    for (int index = 0; index < lines.size(); index++) {
      String[] line = lines.get(index);
      StringBuilder text = new StringBuilder(String.format("%-" + widths[0] + "s", line[0]));
      for (int i = 1; i < line.length; i++) {
        text.append("  ").append(String.format("%" + widths[i] + "s", line[i]));
      }
      out.println(text.toString().stripTrailing());
      if (index == 0 || index == lines.size() - 2) {
        out.println("-".repeat(text.length()));
      }
    }
  }

  private static String estimate(Money amount, EstimateStatus status) {
    return switch (status) {
      case UNPRICED -> "unpriced";
      case NO_USAGE -> "-";
      case PARTIAL -> amount.toDisplayString() + "*";
      case COMPLETE -> amount.toDisplayString();
    };
  }

  private static String decimal(Money money) {
    return money == null ? null : money.toDecimalString();
  }

  private static String csv(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
