// Command validate checks the Kubernetes manifests of deploy/kubernetes
// against the API's own Go types, offline: each document is decoded
// strictly (an unknown or misspelt field, or a value of the wrong type, is
// an error) into apps/v1 Deployment or v1 Service, and the two are checked
// to fit together and to keep what the Deployment promises: probes on a
// named container port, a non-root user, a read-only root filesystem,
// memory requested as limited and above gowasm-run's --max-memory.
//
//	cd deploy/kubernetes/validate && go run . ../*.yaml
package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/yaml"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: validate MANIFEST.yaml...")
		os.Exit(2)
	}
	var deployments []appsv1.Deployment
	var services []corev1.Service
	failed := false
	fail := func(file, format string, args ...any) {
		fmt.Fprintf(os.Stderr, "%s: %s\n", file, fmt.Sprintf(format, args...))
		failed = true
	}
	for _, file := range os.Args[1:] {
		data, err := os.ReadFile(file)
		if err != nil {
			fail(file, "%v", err)
			continue
		}
		var meta struct {
			APIVersion string `json:"apiVersion"`
			Kind       string `json:"kind"`
		}
		if err := yaml.Unmarshal(data, &meta); err != nil {
			fail(file, "%v", err)
			continue
		}
		switch meta.APIVersion + " " + meta.Kind {
		case "apps/v1 Deployment":
			var d appsv1.Deployment
			if err := yaml.UnmarshalStrict(data, &d); err != nil {
				fail(file, "%v", err)
				continue
			}
			for _, problem := range checkDeployment(&d) {
				fail(file, "%s", problem)
			}
			deployments = append(deployments, d)
		case "v1 Service":
			var s corev1.Service
			if err := yaml.UnmarshalStrict(data, &s); err != nil {
				fail(file, "%v", err)
				continue
			}
			services = append(services, s)
		default:
			fail(file, "unexpected %s %s", meta.APIVersion, meta.Kind)
		}
	}
	for _, s := range services {
		if !slices.ContainsFunc(deployments, func(d appsv1.Deployment) bool { return serves(&s, &d) }) {
			fail(s.Name, "the Service selects no Deployment's pods on a named port")
		}
	}
	if failed {
		os.Exit(1)
	}
	fmt.Printf("%d deployments, %d services: valid\n", len(deployments), len(services))
}

func checkDeployment(d *appsv1.Deployment) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	sel, err := metaSelector(d)
	if err != nil {
		bad("selector: %v", err)
	} else if !sel.Matches(labels.Set(d.Spec.Template.Labels)) {
		bad("the selector does not match the pod template's labels")
	}
	pod := d.Spec.Template.Spec
	if pod.SecurityContext == nil || pod.SecurityContext.RunAsNonRoot == nil || !*pod.SecurityContext.RunAsNonRoot {
		bad("the pod must run as non-root")
	}
	if len(pod.Containers) == 0 {
		bad("no containers")
		return problems
	}
	for _, c := range pod.Containers {
		if c.SecurityContext == nil || c.SecurityContext.ReadOnlyRootFilesystem == nil || !*c.SecurityContext.ReadOnlyRootFilesystem {
			bad("container %s: the root filesystem must be read-only", c.Name)
		}
		for name, p := range map[string]*corev1.Probe{"startup": c.StartupProbe, "readiness": c.ReadinessProbe, "liveness": c.LivenessProbe} {
			if p == nil || p.HTTPGet == nil {
				bad("container %s: no HTTP %s probe", c.Name, name)
				continue
			}
			if port := p.HTTPGet.Port.String(); !hasPort(&c, port) {
				bad("container %s: the %s probe's port %s is not a container port", c.Name, name, port)
			}
		}
		limit, request := c.Resources.Limits.Memory(), c.Resources.Requests.Memory()
		if limit.IsZero() || limit.Cmp(*request) != 0 {
			bad("container %s: memory request %v must equal its limit %v", c.Name, request, limit)
		}
		if max := flagValue(append(slices.Clone(c.Command), c.Args...), "--max-memory"); max == "" {
			bad("container %s: gowasm-run has no --max-memory", c.Name)
		} else if q, err := resource.ParseQuantity(strings.TrimSuffix(max, "B")); err != nil {
			bad("container %s: --max-memory %s: %v", c.Name, max, err)
		} else if q.Cmp(*limit) >= 0 {
			bad("container %s: --max-memory %s leaves the host nothing of the limit %v", c.Name, max, limit)
		}
	}
	return problems
}

func metaSelector(d *appsv1.Deployment) (labels.Selector, error) {
	if d.Spec.Selector == nil || len(d.Spec.Selector.MatchLabels) == 0 {
		return nil, fmt.Errorf("missing matchLabels")
	}
	return labels.SelectorFromSet(d.Spec.Selector.MatchLabels), nil
}

// serves reports whether the Service selects the Deployment's pods and
// targets one of their container ports.
func serves(s *corev1.Service, d *appsv1.Deployment) bool {
	if len(s.Spec.Selector) == 0 || !labels.SelectorFromSet(s.Spec.Selector).Matches(labels.Set(d.Spec.Template.Labels)) {
		return false
	}
	for _, p := range s.Spec.Ports {
		for _, c := range d.Spec.Template.Spec.Containers {
			if hasPort(&c, p.TargetPort.String()) {
				return true
			}
		}
	}
	return false
}

func hasPort(c *corev1.Container, port string) bool {
	return slices.ContainsFunc(c.Ports, func(p corev1.ContainerPort) bool {
		return p.Name == port || fmt.Sprint(p.ContainerPort) == port
	})
}

// flagValue returns the value following flag in args.
func flagValue(args []string, flag string) string {
	for i, a := range args {
		if a == flag && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}
