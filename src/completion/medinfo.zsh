#compdef medinfo
# zsh completion for medinfo. Load it from ~/.zshrc, after compinit, with:
#   source <(medinfo completion zsh)
# or save it as _medinfo in a folder of $fpath.
_medinfo() {
  local -a lines pairs
  local line value
  lines=("${(@f)$(medinfo __complete -- "${(@Q)words[2,CURRENT-1]}" "${(Q)PREFIX}" 2>/dev/null)}")
  if [[ ${lines[1]} == ":folders" ]]; then
    compset -P '--*='
    _files -/
    return
  fi
  for line in "${lines[@]}"; do
    [[ -n $line ]] || continue
    value=${${line%%$'\t'*}//:/\\:}
    if [[ $line == *$'\t'* ]]; then
      pairs+=("$value:${line#*$'\t'}")
    else
      pairs+=("$value")
    fi
  done
  (( ${#pairs} )) && _describe -t medinfo-words medinfo pairs
}
if [[ ${funcstack[1]} == _medinfo ]]; then
  _medinfo "$@"
elif (( $+functions[compdef] )); then
  compdef _medinfo medinfo
else
  print -u2 "medinfo: load the completion after compinit (autoload -U compinit && compinit)"
fi
