package io.github.healthgrpc.source;

import java.util.ArrayList;
import java.util.List;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckSource;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Turns every {@link ManualHealthCheck} bean into a pushed check.
 *
 * @since 0.1.0
 */
public final class ManualCheckSource implements CheckSource {

	private final ObjectProvider<ManualHealthCheck> handles;

	/**
	 * Create a source.
	 * @param handles the application's manual checks, looked up when the engine starts
	 */
	public ManualCheckSource(ObjectProvider<ManualHealthCheck> handles) {
		this.handles = handles;
	}

	@Override
	public List<CheckDefinition> checks() {
		List<CheckDefinition> checks = new ArrayList<>();
		for (ManualHealthCheck handle : this.handles.orderedStream().toList()) {
			checks.add(new CheckDefinition.Pushed(handle.getName(), handle::subscribe));
		}
		return checks;
	}

}
