package dev.reckon.worker.config;

/** A configuration value is missing or invalid. The message names the variable and the fix. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
