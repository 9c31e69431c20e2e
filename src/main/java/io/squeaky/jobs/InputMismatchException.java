package io.squeaky.jobs;

/** A finished run whose input was not what its options said; the message says what to change. */
public final class InputMismatchException extends RuntimeException {

    InputMismatchException(String message) {
        super(message);
    }
}
