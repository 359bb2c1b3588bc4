/** The result model of a run: immutable records that know no file format. */
package io.wsbed.harness.result;
