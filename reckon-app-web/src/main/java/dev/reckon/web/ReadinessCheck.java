package dev.reckon.web;

import java.util.List;

/** Decides whether the app can serve requests, for example that the database answers. */
@FunctionalInterface
public interface ReadinessCheck {

  /**
   * Returns the checks that fail, each a short phrase safe to show to anyone (such as {@code
   * "database unreachable"}), or an empty list when the app is ready. Called on every readiness
   * probe, so it should return within a second or two.
   */
  List<String> failures();
}
