# bash completion for medinfo. Load it from ~/.bashrc with:
#   source <(medinfo completion bash)
_medinfo() {
  local words=() word i
  # COMP_WORDBREAKS splits --class=benzo at "=": join the word again as it was typed.
  for (( i = 1; i <= COMP_CWORD; i++ )); do
    word=${COMP_WORDS[i]}
    if (( ${#words[@]} > 0 )) && [[ $word == "=" || ${words[${#words[@]}-1]} == --*= ]]; then
      words[${#words[@]}-1]+=$word
    else
      words+=("$word")
    fi
  done
  local cur=${words[${#words[@]}-1]} out line strip=
  # Bash replaces only what follows the "=".
  [[ $cur == --*=* ]] && strip=${cur%%=*}=
  out=$(medinfo __complete -- "${words[@]}" 2>/dev/null) || return 0
  COMPREPLY=()
  if [[ $out == ":folders" ]]; then
    compopt -o filenames 2>/dev/null
    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -d -- "${cur#"$strip"}")
    return 0
  fi
  while IFS= read -r line; do
    [[ -n $line ]] && COMPREPLY+=("${line%%$'\t'*}")
  done <<< "$out"
  COMPREPLY=("${COMPREPLY[@]#"$strip"}")
}
complete -F _medinfo medinfo
