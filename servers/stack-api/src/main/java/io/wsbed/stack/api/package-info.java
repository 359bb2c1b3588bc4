/**
 * The wsbed stack process contract (DESIGN.md section 2) for Java stacks: option parsing, stdin
 * commands, JSON event lines and the behaviour every stack shares (numbered pushes, echo, the
 * portable heartbeat, the client's backoff reconnect). A stack module implements {@link
 * io.wsbed.stack.api.Stack} with its library and hands it to {@link io.wsbed.stack.api.StackMain}.
 */
package io.wsbed.stack.api;
