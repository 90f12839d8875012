/// The style sheet and script inlined into every ``TimelineReport`` page (no network, no files).
enum ReportAssets {
    static let css = """
        body{font:13px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fff}
        header{padding:8px 12px;border-bottom:1px solid #ddd}h1{font-size:16px;margin:0 0 4px}p{margin:2px 0}
        .legend .k{display:inline-block;width:14px;height:8px;margin:0 3px 0 10px;vertical-align:middle}
        .kw{background:#b9d3f0}.kr{background:#2f6fb5}.kf{background:#d33}.kt{background:#111;width:2px!important}.km{background:#e08a00;border-radius:50%;width:8px!important}
        table{border-collapse:collapse;width:100%;table-layout:fixed}
        th,td{padding:2px 6px;border-bottom:1px solid #eee;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;text-align:left}
        th{position:sticky;top:0;background:#f6f6f6;z-index:2;height:28px;vertical-align:bottom}
        th:nth-child(1){width:3em}th:nth-child(2){width:4.5em}th:nth-child(4){width:4em}th:nth-child(5),th:nth-child(6){width:5em}
        th:nth-child(7),th:nth-child(8){width:5.5em}th.wf{width:45%}
        tr.ex{cursor:pointer}tr.ex:hover{background:#f3f7fc}tr.sel{background:#e3eefa}tr.fail td:nth-child(4){color:#d33}
        td.wf{position:relative;height:16px;padding:0}th.wf{padding:2px 0}
        .b{position:absolute;top:5px;height:8px;min-width:2px}.w{background:#b9d3f0}.r{background:#2f6fb5}.f{background:#d33}
        .t{position:absolute;top:3px;width:1px;height:12px;background:#111;opacity:.7}
        .m{position:absolute;top:0;width:7px;height:7px;margin-left:-3px;border-radius:50%;background:#e08a00;z-index:1}
        .m[data-type=load]{background:#1a9850}.m[data-type=error],.m[data-type=timeout],.m[data-type=abort]{background:#d33}
        .m[data-type=progress]{background:#fdae61}.m[data-type=readystatechange]{background:#8073ac}
        .axis{position:relative;height:14px}.axis span{position:absolute;font-weight:normal;font-size:11px;color:#666;border-left:1px solid #bbb;padding-left:2px}
        #detail{position:fixed;right:0;bottom:0;left:0;max-height:45vh;overflow:auto;background:#fbfbfb;border-top:2px solid #2f6fb5;padding:8px 12px;z-index:3}
        #detail h2{font-size:14px;margin:6px 0}#detail pre{background:#fff;border:1px solid #ddd;padding:6px;max-height:16em;overflow:auto;white-space:pre-wrap}
        #detail table{width:auto;table-layout:auto}#detail td{white-space:normal;overflow:visible}#detail .close{float:right;cursor:pointer}
        """

    static let script = """
        (function(){
        var data=JSON.parse(document.getElementById('xhrtape-data').textContent);
        var panel=document.getElementById('detail'),selected=null;
        function esc(s){return String(s).replace(/[&<>"]/g,function(c){return{'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
        function ms(us){return us<1000?us+' µs':(us/1000).toFixed(1)+' ms';}
        function heads(list){return '<table>'+list.map(function(p){return '<tr><td><b>'+esc(p[0])+'</b></td><td>'+esc(p[1])+'</td></tr>';}).join('')+'</table>';}
        function show(i,tr){
          var d=data[i],h='<span class="close" title="close">✕</span><h2>'+esc(d.q)+'</h2>'+heads(d.qh);
          if(d.s){h+='<h2>'+esc(d.s)+'</h2>'+heads(d.sh);}
          if(d.f){h+='<h2>Failed: '+esc(d.f)+'</h2>';}
          h+='<h2>Body preview'+(d.pt?'':' (hex)')+'</h2><pre>'+esc(d.p)+'</pre>';
          h+='<h2>Timeline</h2><table>'+d.e.map(function(e){return '<tr><td>'+ms(e[0])+'</td><td>'+esc(e[1])+'</td></tr>';}).join('')+'</table>';
          if(d.x.length){h+='<h2>XHR events</h2><table>'+d.x.map(function(e){return '<tr><td>xhr '+e[0]+'</td><td>'+ms(e[1])+'</td><td>'+esc(e[2])+'</td></tr>';}).join('')+'</table>';}
          panel.innerHTML=h;panel.hidden=false;
          if(selected){selected.classList.remove('sel');}selected=tr;tr.classList.add('sel');
        }
        document.getElementById('exchanges').addEventListener('click',function(ev){
          var tr=ev.target.closest('tr.ex');if(tr){show(+tr.dataset.i,tr);}
        });
        panel.addEventListener('click',function(ev){if(ev.target.className==='close'){panel.hidden=true;}});
        })();
        """
}
