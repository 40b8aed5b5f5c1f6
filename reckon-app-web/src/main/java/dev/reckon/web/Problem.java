package dev.reckon.web;

import java.util.Objects;

/**
 * An RFC 9457 problem details body. {@code detail} is written for the client: it names the field
 * and the rule, and never contains a secret, a stack trace, SQL or a submitted value that was not
 * validated.
 */
record Problem(String type, String title, int status, String detail) {

  Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
  }

  static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail);
  }
}
