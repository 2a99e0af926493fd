package dev.belonging.core.internal.json;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A value that is expensive to build the first time (class loading and reflection, a few hundred
 * milliseconds in a fresh JVM) and is then shared: built exactly once, either by the first thread that
 * asks for it or ahead of time on a daemon thread, so that the cost can overlap other start-up work.
 *
 * <p>A thread that asks while another builds it waits for that build instead of starting its own. A build
 * that fails fails every {@link #get()} with the same exception, as a failed class initialization would,
 * but with its cause intact. This class is thread-safe.
 *
 * @param <T> the type of the value
 */
public final class Prepared<T> {

  private final String name;
  private final FutureTask<T> task;
  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * Creates a value built on first use.
   *
   * @param name the name of the thread that builds it in the background
   * @param build builds the value; called at most once
   */
  public Prepared(String name, Callable<T> build) {
    this.name = name;
    this.task = new FutureTask<>(build);
  }

  /**
   * Starts building the value on a new daemon thread and returns at once; does nothing if it is built or
   * being built.
   */
  public void startInBackground() {
    if (!task.isDone() && started.compareAndSet(false, true)) {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Returns the value, building it on the calling thread if no thread has started to, or waiting for the
   * thread that builds it.
   *
   * @return the value
   * @throws RuntimeException or {@link Error}: whatever the build threw
   */
  public T get() {
    started.set(true);
    task.run(); // builds here unless built or being built elsewhere, then returns at once
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true; // the build is short: finish waiting, then restore the flag
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(name + " failed", cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
