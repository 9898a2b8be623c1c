package io.github.healthgrpc.check;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * A health check whose status the application sets directly, for facts that code knows
 * rather than polls: a cache warmed, a leader elected, a maintenance switch.
 *
 * <p>
 * Declare it as a bean so the mappings can refer to it by name, then set it from
 * anywhere. Every change is pushed to the status store at once, without waiting for an
 * interval. Until the first value is set the check has no result, so the services that
 * include it are NOT_SERVING.
 *
 * <pre class="code">
 * &#64;Bean
 * ManualHealthCheck cacheWarm() {
 *     return new ManualHealthCheck("cache-warm");
 * }
 * // later: cacheWarm.up();
 * </pre>
 *
 * @since 0.1.0
 */
public final class ManualHealthCheck {

	private final String name;

	private final List<Consumer<Health>> subscribers = new CopyOnWriteArrayList<>();

	private @Nullable Health health;

	/**
	 * Create a handle with no result yet.
	 * @param name the check's name, as {@code grpc.health} mappings refer to it
	 */
	public ManualHealthCheck(String name) {
		Assert.hasText(name, "ManualHealthCheck name must not be empty");
		this.name = name;
	}

	/**
	 * The check's name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The last value set, if any.
	 * @return the health, or {@code null} before the first value is set
	 */
	public synchronized @Nullable Health getHealth() {
		return this.health;
	}

	/**
	 * Mark the check UP.
	 */
	public void up() {
		set(Health.up().build());
	}

	/**
	 * Mark the check DOWN.
	 * @param reason why, kept in the check's details (never sent over gRPC)
	 */
	public void down(String reason) {
		set(Health.down().withDetail("reason", reason).build());
	}

	/**
	 * Set the check's status without details.
	 * @param status the new status
	 */
	public void setStatus(Status status) {
		set(Health.status(status).build());
	}

	/**
	 * Set the check's health, pushing it to every subscriber at once.
	 * @param health the new health
	 */
	public synchronized void set(Health health) {
		Assert.notNull(health, "Health must not be null");
		this.health = health;
		for (Consumer<Health> subscriber : this.subscribers) {
			subscriber.accept(health);
		}
	}

	/**
	 * Receive every value set from now on, and the current one at once if there is one.
	 * Used by health-grpc's engine; applications do not need to call it.
	 * @param subscriber the callback
	 */
	public synchronized void subscribe(Consumer<Health> subscriber) {
		this.subscribers.add(subscriber);
		if (this.health != null) {
			subscriber.accept(this.health);
		}
	}

}
