package dev.belonging.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreparedTest {

  @Test
  void buildsOnceForEveryThreadThatAsksAndForTheBackgroundStart() throws InterruptedException {
    AtomicInteger builds = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Prepared<Object> value = new Prepared<>("test-start", () -> {
      builds.incrementAndGet();
      release.await();
      return new Object();
    });
    value.startInBackground();
    value.startInBackground();
    List<Object> seen = new ArrayList<>();
    List<Thread> askers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread t = new Thread(() -> {
        Object v = value.get();
        synchronized (seen) {
          seen.add(v);
        }
      });
      t.start();
      askers.add(t);
    }
    release.countDown();
    for (Thread t : askers) {
      t.join();
    }

    assertThat(seen).hasSize(4).allMatch(v -> v == seen.get(0));
    assertThat(value.get()).isSameAs(seen.get(0));
    assertThat(builds).hasValue(1);
  }

  @Test
  void buildsOnTheCallingThreadWhenNothingStartedIt() {
    Prepared<String> value = new Prepared<>("test-start", () -> Thread.currentThread().getName());

    assertThat(value.get()).isEqualTo(Thread.currentThread().getName());
    value.startInBackground();
    assertThat(value.get()).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void aFailedBuildFailsEveryGetWithItsOwnException() {
    IllegalStateException failure = new IllegalStateException("no provider");
    AtomicInteger builds = new AtomicInteger();
    Prepared<String> value = new Prepared<>("test-start", () -> {
      builds.incrementAndGet();
      throw failure;
    });

    assertThatThrownBy(value::get).isSameAs(failure);
    assertThatThrownBy(value::get).isSameAs(failure);
    assertThat(builds).hasValue(1);
  }

  @Test
  void aCheckedFailureComesBackWithItsCause() {
    Exception failure = new Exception("cannot read");
    Prepared<String> value = new Prepared<>("test-start", () -> {
      throw failure;
    });

    assertThatThrownBy(value::get).isInstanceOf(IllegalStateException.class)
        .hasMessage("test-start failed").hasCause(failure);
  }

  @Test
  void anInterruptedWaiterStillGetsTheValueAndKeepsItsInterrupt() throws InterruptedException {
    CountDownLatch building = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Prepared<String> value = new Prepared<>("test-start", () -> {
      building.countDown();
      release.await();
      return "built";
    });
    value.startInBackground();
    building.await();
    Thread.currentThread().interrupt();
    Thread releaser = new Thread(release::countDown);
    releaser.start();

    try {
      assertThat(value.get()).isEqualTo("built");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
      releaser.join();
    }
  }
}
