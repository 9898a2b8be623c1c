package io.github.healthgrpc.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidHealthConfigurationException} the way Spring Boot reports a
 * bad property: what is wrong, then what to do.
 */
class InvalidHealthConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidHealthConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidHealthConfigurationException cause) {
		return new FailureAnalysis("The gRPC health configuration is invalid: " + cause.getProperty() + " "
				+ cause.getProblem() + ".", cause.getAction(), cause);
	}

}
