package dev.reckon.web;

/** Ends a request with a problem response; thrown by handlers and the access filter. */
final class ProblemException extends RuntimeException {

  private final transient Problem problem;

  ProblemException(ProblemType type, String detail) {
    super(detail, null, false, false);
    this.problem = Problem.of(type, detail);
  }

  static ProblemException validation(String detail) {
    return new ProblemException(ProblemType.VALIDATION, detail);
  }

  Problem problem() {
    return problem;
  }
}
