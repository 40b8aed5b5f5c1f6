package dev.reckon.web;

/** Entry point of the web API. Listens on {@code RECKON_WEB_PORT} (default 8080) on loopback. */
public final class WebMain {

  private WebMain() {}

  public static void main(String[] args) {
    String port = System.getenv().getOrDefault("RECKON_WEB_PORT", "8080");
    try {
      WebApp.create().start("127.0.0.1", Integer.parseInt(port));
    } catch (NumberFormatException e) {
      System.err.println(
          "reckon-web: RECKON_WEB_PORT '" + port + "' is invalid: use a port number");
      System.exit(1);
    }
  }
}
