// Command kubeprobe probes a gRPC server the way the kubelet's grpc: probe does: a new
// plain-text connection for every probe, one unary grpc.health.v1.Health/Check within the
// probe's timeout (connecting included), and success only for SERVING.
//
// It builds offline from Debian's golang-go and golang-google-grpc-dev in GOPATH mode:
//
//	GOPATH=/usr/share/gocode GO111MODULE=off go build -o kubeprobe .
//
// Usage: kubeprobe -addr 127.0.0.1:9090 [-service liveness] [-timeout 1s]
//
// It prints SERVING, NOT_SERVING (or another serving status), or "error: <gRPC code>" and
// exits 0 for SERVING and 1 otherwise, which is how the kubelet counts a probe.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

func main() {
	addr := flag.String("addr", "", "host:port of the gRPC server")
	service := flag.String("service", "", "service to check; empty for the server overall")
	timeout := flag.Duration("timeout", time.Second, "probe timeout (the kubelet's timeoutSeconds)")
	flag.Parse()
	result, ok := probe(*addr, *service, *timeout)
	fmt.Println(result)
	if !ok {
		os.Exit(1)
	}
}

func probe(addr, service string, timeout time.Duration) (string, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	// The kubelet dials with a blocking dial bounded by the probe timeout and no credentials.
	conn, err := grpc.DialContext(ctx, addr, grpc.WithInsecure(), grpc.WithBlock(),
		grpc.WithUserAgent("kube-probe/1.31"))
	if err != nil {
		return "error: connect: " + err.Error(), false
	}
	defer conn.Close()
	response, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{Service: service})
	if err != nil {
		return "error: " + status.Code(err).String(), false
	}
	return response.GetStatus().String(), response.GetStatus() == healthpb.HealthCheckResponse_SERVING
}
