"""Translates a SAM template (JSON) with aws-sam-translator as two stacks of one account and region, resolves the
pseudo-parameters in every name-like property of the resulting resources, and prints every name that both stacks
would use: such a name makes the second stack's creation fail. A name that resolves to nothing (CloudFormation
generates one) is unique and fine. Exit 1 when a name is shared, 0 otherwise; prints each stack's names with -v.

Usage: check_unique_names.py TEMPLATE [-v]

Local paths are handled without S3: each DefinitionUri is inlined as Definition (read beside the template) and each
local CodeUri becomes an S3 location, as cfn-lint does; parameters keep their defaults.
"""
import copy
import json
import os
import re
import sys

import boto3
from samtranslator.metrics.metrics import DummyMetricsPublisher, Metrics
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator

ACCOUNT = "123456789012"
REGION = "us-east-1"
STACKS = ("analytics-blue", "analytics-green")


class NoManagedPolicies:
    """The translator asks IAM for AWS managed policies by name only when a template names one; this one answers none."""

    def load(self):
        return {}


def local_paths_inlined(template, folder):
    """The template with every DefinitionUri that is a local file inlined and every local CodeUri replaced."""
    template = copy.deepcopy(template)
    function_globals = template.get("Globals", {}).get("Function", {})
    if isinstance(function_globals.get("CodeUri"), str):
        function_globals["CodeUri"] = {"Bucket": "deployment-bucket", "Key": "functions.zip"}
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties", {})
        uri = properties.get("DefinitionUri")
        if isinstance(uri, str) and not uri.startswith("s3://"):
            with open(os.path.join(folder, uri), encoding="utf-8") as f:
                properties["Definition"] = json.load(f)
            del properties["DefinitionUri"]
        if isinstance(properties.get("CodeUri"), str):
            properties["CodeUri"] = {"Bucket": "deployment-bucket", "Key": "functions.zip"}
    return template


def translate(template, stack):
    session = boto3.session.Session(region_name=REGION)
    metrics = Metrics("ServerlessTransform", DummyMetricsPublisher())
    translator = Translator(None, Parser(), boto_session=session, metrics=metrics)
    parameters = {"AWS::StackName": stack, "AWS::AccountId": ACCOUNT, "AWS::Region": REGION}
    translated = translator.translate(copy.deepcopy(template), parameter_values=parameters,
                                      get_managed_policy_map=NoManagedPolicies().load)
    metrics.publish()
    return translated


def resolve(value, stack, parameters):
    """A name's value in the stack: pseudo-parameters and parameter defaults resolved, in Ref, Fn::Sub and Fn::Join;
    None when it holds anything else (an attribute of a resource is decided at creation and is not a fixed name)."""
    pseudo = {"AWS::StackName": stack, "AWS::AccountId": ACCOUNT, "AWS::Region": REGION, "AWS::Partition": "aws",
              "AWS::URLSuffix": "amazonaws.com"}
    known = {**parameters, **pseudo}
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        (function, argument), = value.items()
        if function == "Ref":
            return str(known[argument]) if argument in known else None
        if function == "Fn::Sub":
            text, variables = (argument, {}) if isinstance(argument, str) else (argument[0], argument[1])
            resolved = {name: resolve(v, stack, parameters) for name, v in variables.items()}

            def substitute(match):
                name = match.group(1)
                if name in resolved and resolved[name] is not None:
                    return resolved[name]
                if name in known:
                    return str(known[name])
                raise LookupError(name)

            try:
                return re.sub(r"\$\{([^!}][^}]*)\}", substitute, text)
            except LookupError:
                return None
        if function == "Fn::Join":
            parts = [resolve(v, stack, parameters) for v in argument[1]]
            return None if None in parts else argument[0].join(parts)
    return None


# Identifiers a resource is created under that are not spelled "Name" (unique per account and region as names are).
IDS = {"DataSourceId", "DataSetId"}


# Labels shown to people, not identifiers: any number of resources may share one.
LABELS = {"DisplayName"}


def is_name(key):
    return (key == "Name" or key.endswith("Name") or key in IDS) and key not in LABELS


def names(template, stack, parameters):
    """(resource, property, resolved name) for every name-like property of every resource."""
    found = []
    for logical_id, resource in template["Resources"].items():
        for key, value in resource.get("Properties", {}).items():
            if is_name(key):
                found.append((logical_id, key, resolve(value, stack, parameters)))
    return found


def main():
    template_path = sys.argv[1]
    verbose = "-v" in sys.argv[2:]
    with open(template_path, encoding="utf-8") as f:
        template = local_paths_inlined(json.load(f), os.path.dirname(os.path.abspath(template_path)))
    defaults = {name: p["Default"] for name, p in template.get("Parameters", {}).items() if "Default" in p}
    by_stack = []
    for stack in STACKS:
        translated = translate(template, stack)
        by_stack.append({(i, k): n for i, k, n in names(translated, stack, defaults)})
        if verbose:
            for (logical_id, key), name in sorted(by_stack[-1].items()):
                print(f"{stack}: {logical_id}.{key} = {name}")
    shared = sorted((i, k, n) for (i, k), n in by_stack[0].items() if n is not None and by_stack[1].get((i, k)) == n)
    for logical_id, key, name in shared:
        print(f"{logical_id}.{key} is '{name}' in both stacks: a second stack in the account and region cannot be created")
    sys.exit(1 if shared else 0)


if __name__ == "__main__":
    main()
