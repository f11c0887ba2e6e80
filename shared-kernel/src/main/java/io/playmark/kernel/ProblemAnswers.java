package io.playmark.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error kinds a REST operation answers beyond those every operation of its sort answers (401, 403 and
 * 429 for secured ones, 400/413/415 where there is a body). The API document lists them as
 * problem responses, and a test checks that the operation really answers each one. It may sit on an annotation
 * that several operations share.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface ProblemAnswers {

    ErrorKind[] value();
}
