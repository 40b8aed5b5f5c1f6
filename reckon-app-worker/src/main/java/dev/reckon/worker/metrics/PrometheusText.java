package dev.reckon.worker.metrics;

/**
 * Writes lines of the Prometheus text exposition format, version 0.0.4: the {@code # HELP} and
 * {@code # TYPE} header of a metric family and its samples.
 */
final class PrometheusText {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder out = new StringBuilder();

  /** Starts a metric family. */
  PrometheusText family(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /** Writes one sample. {@code labels} is the rendered label list, without braces. */
  PrometheusText sample(String name, String labels, String value) {
    out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    return this;
  }

  /** Returns {@code name="value"} with the value escaped. */
  static String label(String name, String value) {
    return name + "=\"" + escape(value) + "\"";
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
