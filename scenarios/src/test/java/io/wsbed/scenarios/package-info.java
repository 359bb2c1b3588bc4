/**
 * The scenario suite: {@link io.wsbed.scenarios.MatrixIT} has one JUnit invocation per cell of
 * the matrix, provided by {@link io.wsbed.scenarios.MatrixExtension} from the wsbed.* settings.
 */
package io.wsbed.scenarios;
