"""Lists the functions over LIMIT lines (default 80) in the Rust and JavaScript
sources of the given folders, test folders left out; exits 1 when there are any.
Counting runs from the line of `fn`/`function` to its closing brace, with
strings and comments skipped so that their braces do not count."""
import re,sys,os
def strip(src):
    # remove strings and comments crudely, keep newlines
    out=[];i=0;n=len(src)
    while i<n:
        c=src[i]
        if src.startswith('//',i):
            j=src.find('\n',i); j=n if j<0 else j; i=j; continue
        if src.startswith('/*',i):
            j=src.find('*/',i+2); j=n if j<0 else j+2; out.append('\n'*src[i:j].count('\n')); i=j; continue
        if c=="'" and i+2<n and (src[i+2]=="'" or src[i+1]=='\\'):
            j=src.find("'",i+2 if src[i+1]!='\\' else i+3); out.append("' '"); i=j+1; continue
        if c in '"`':
            q=c;j=i+1
            while j<n and src[j]!=q:
                if src[j]=='\\': j+=1
                j+=1
            out.append('""'+'\n'*src[i:j].count('\n')); i=j+1; continue
        if src.startswith('r#"',i):
            j=src.find('"#',i+3); out.append('""'+'\n'*src[i:j].count('\n')); i=j+2; continue
        out.append(c); i+=1
    return ''.join(out)
pat_rs=re.compile(r'^\s*(pub(\([^)]*\))?\s+)?(async\s+)?(const\s+)?fn\s+(\w+)')
pat_js=re.compile(r'^\s*(export\s+)?(async\s+)?function\s*\*?\s*(\w+)|^\s*(const|let)\s+(\w+)\s*=\s*(async\s*)?(\([^)]*\)|\w+)\s*=>\s*\{')
res=[]
for root in sys.argv[1:]:
  for dp,dn,fn in os.walk(root):
    if 'target' in dp or 'vendor' in dp or 'node_modules' in dp or '/tests' in dp: continue
    for f in fn:
        if not (f.endswith('.rs') or f.endswith('.js')): continue
        p=os.path.join(dp,f); src=strip(open(p,encoding='utf-8').read()); lines=src.split('\n')
        pat=pat_rs if f.endswith('.rs') else pat_js
        for k,l in enumerate(lines):
            m=pat.match(l)
            if not m: continue
            name=[g for g in m.groups() if g and re.match(r'^\w+$',g) and g not in('pub','async','const','export','let','function')]
            name=name[-1] if name else '?'
            depth=0;started=False
            for j in range(k,len(lines)):
                for ch in lines[j]:
                    if ch=='{': depth+=1;started=True
                    elif ch=='}': depth-=1
                if started and depth<=0: break
                if not started and ';' in lines[j]: break
            if started: res.append((j-k+1,p,k+1,name))
res.sort(reverse=True)
lim=int(os.environ.get('LIMIT','80'))
long=[r for r in res if r[0]>lim]
for r in long: print(f'{r[1]}:{r[2]}: {r[3]} is {r[0]} lines (limit {lim})')
sys.exit(1 if long else 0)
