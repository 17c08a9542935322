package org.iocp4j.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few places allowed to touch real threads, parking and the wall clock (the real
 * seams: {@link RealSeam}, the simulator's carrier); the forbidden-API check of the build skips
 * them. Say why in {@link #value()}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface SuppressForbidden {
    /** Why this code may use the forbidden API. */
    String value();
}
