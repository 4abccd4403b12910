# fish completion for medinfo. Install it with:
#   medinfo completion fish > ~/.config/fish/completions/medinfo.fish
function __medinfo_complete
    set -l token (commandline -ct)
    set -l words (commandline -opc)
    set -l lines (medinfo __complete -- $words[2..-1] "$token" 2>/dev/null)
    if test "$lines[1]" = ":folders"
        set -l prefix (string match -r -- '^--[^=]*=' "$token")
        for folder in (__fish_complete_directories (string replace -r -- '^--[^=]*=' '' "$token"))
            printf '%s%s\n' "$prefix" $folder
        end
    else if test (count $lines) -gt 0
        printf '%s\n' $lines
    end
end
complete -c medinfo -f -a '(__medinfo_complete)'
