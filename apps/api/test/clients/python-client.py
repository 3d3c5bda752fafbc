"""Drives Skiff with the official Python client (Debian's python3-kubernetes).
Prints one JSON line with what it saw; exits non-zero on error."""
import json
import sys
import threading

from kubernetes import client, config, watch

config.load_kube_config(config_file=sys.argv[1])
core = client.CoreV1Api()
ns = "python-client"
core.create_namespace({"metadata": {"name": ns}})
rv = core.list_namespaced_config_map(ns).metadata.resource_version

seen = []
def follow():
    w = watch.Watch()
    for ev in w.stream(core.list_namespaced_config_map, ns, resource_version=rv, timeout_seconds=5):
        seen.append("%s %s %s" % (ev["type"], ev["object"].metadata.name, (ev["object"].data or {}).get("v")))
        if len(seen) == 3:
            w.stop()
t = threading.Thread(target=follow)
t.start()

core.create_namespaced_config_map(ns, {"metadata": {"name": "c1", "labels": {"env": "a"}}, "data": {"v": "1"}})
core.patch_namespaced_config_map("c1", ns, {"data": {"v": "2"}})
selected = [c.metadata.name for c in core.list_namespaced_config_map(ns, label_selector="env in (a,b)").items]
core.delete_namespaced_config_map("c1", ns)
t.join(10)

status = 0
try:
    core.read_namespaced_config_map("c1", ns)
except client.exceptions.ApiException as e:
    status = e.status

print(json.dumps({"seen": seen, "selected": selected, "after_delete": status}))
